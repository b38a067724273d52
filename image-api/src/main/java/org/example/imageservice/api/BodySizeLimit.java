package org.example.imageservice.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies larger than a limit with 413, whether their length is declared or not. It
 * runs once the request is matched to a resource, so the refusal is logged under its route.
 */
public final class BodySizeLimit implements ContainerRequestFilter {
  /** The limit the service uses: 64 KiB. */
  public static final int DEFAULT_LIMIT = 64 * 1024;

  private final long limit;

  public BodySizeLimit(long limit) {
    this.limit = limit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > limit) {
      throw tooLarge();
    }
    request.setEntityStream(new LimitedStream(request.getEntityStream()));
  }

  private WebApplicationException tooLarge() {
    return new WebApplicationException(
        "The body is larger than " + limit + " bytes.", Response.Status.REQUEST_ENTITY_TOO_LARGE);
  }

  private final class LimitedStream extends FilterInputStream {
    private long read;

    LimitedStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw tooLarge();
      }
    }
  }
}
