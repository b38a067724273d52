package org.example.imageservice.app;

import java.net.URISyntaxException;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * The body of errors that Grizzly answers before Jersey sees the request, such as a path with
 * broken percent-encoding: a short problem+json, never a stack trace.
 */
final class ProblemErrorPage implements ErrorPageGenerator {

  @Override
  public String generate(
      Request request, int status, String reasonPhrase, String description, Throwable error) {
    int answered = status;
    String reason = reasonPhrase;
    if (status == 500 && causedByBadUri(error)) {
      answered = 400;
      reason = "Bad Request";
      request.getResponse().setStatus(answered, reason);
    }
    request.getResponse().setContentType("application/problem+json");
    String detail =
        answered == 400 ? "The request line or headers could not be read." : reason + ".";
    return "{\"type\":\"about:blank\",\"title\":\""
        + reason
        + "\",\"status\":"
        + answered
        + ",\"detail\":\""
        + detail
        + "\"}";
  }

  private static boolean causedByBadUri(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof URISyntaxException || cause instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }
}
