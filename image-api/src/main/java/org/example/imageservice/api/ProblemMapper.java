package org.example.imageservice.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.example.imageservice.domain.IllegalStatusTransitionException;
import org.example.imageservice.domain.ImageAlreadyExistsException;
import org.example.imageservice.domain.ImageNotFoundException;
import org.example.imageservice.domain.InvalidImageException;

/** Turns every failure into a problem+json response; the one place errors become HTTP. */
@Provider
public final class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
  private static final String TYPE_PREFIX = "urn:image-service:problem:";

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof InvalidImageException invalid) {
      return answer(
          ClientErrorStatus.UNPROCESSABLE_CONTENT,
          "invalid-field",
          invalid.getMessage(),
          invalid.field());
    }
    if (error instanceof ImageNotFoundException) {
      return answer(Status.NOT_FOUND, "not-found", error.getMessage(), null);
    }
    if (error instanceof ImageAlreadyExistsException) {
      return answer(Status.CONFLICT, "already-exists", error.getMessage(), "id");
    }
    if (error instanceof IllegalStatusTransitionException) {
      return answer(Status.CONFLICT, "illegal-transition", error.getMessage(), null);
    }
    if (error instanceof JsonProcessingException json) {
      return answer(Status.BAD_REQUEST, "malformed-json", jsonDetail(json), null);
    }
    if (error instanceof IOException io) {
      return unreadableBody(io);
    }
    if (error instanceof WebApplicationException web) {
      return fromWebApplication(web);
    }
    LOG.log(Level.WARNING, "Unexpected failure while serving a request", error);
    return answer(
        Status.INTERNAL_SERVER_ERROR, "internal", "The server failed; the error is logged.", null);
  }

  /** Where the JSON broke, without the parser's internals. */
  private static String jsonDetail(JsonProcessingException json) {
    JsonLocation where = json.getLocation();
    String at =
        where == null || where.getLineNr() < 1
            ? ""
            : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    String message = json.getOriginalMessage();
    if (message != null && message.startsWith("Duplicate field")) {
      return "The body names a field twice" + at + "; send each field once.";
    }
    return "The body is not valid JSON" + at + "; send one JSON object.";
  }

  /** The client stopped sending, sent too slowly or sent bytes that are not text. */
  private static Response unreadableBody(IOException io) {
    LOG.log(Level.FINE, "Request body could not be read", io);
    boolean timedOut = false;
    for (Throwable cause = io; cause != null; cause = cause.getCause()) {
      timedOut |= cause instanceof TimeoutException || cause instanceof SocketTimeoutException;
    }
    return timedOut
        ? answer(Status.REQUEST_TIMEOUT, "body-timeout", "The body did not arrive in time.", null)
        : answer(
            Status.BAD_REQUEST,
            "unreadable-body",
            "The body could not be read; send complete UTF-8 JSON.",
            null);
  }

  private static Response fromWebApplication(WebApplicationException web) {
    Response original = web.getResponse();
    Response.StatusType status =
        original.getStatus() == 413
            ? ClientErrorStatus.CONTENT_TOO_LARGE
            : original.getStatusInfo();
    if (status.getStatusCode() >= 500) {
      LOG.log(Level.WARNING, "Request failed with " + status.getStatusCode(), web);
    }
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(Problem.of(status, typeOf(status), detailOf(web, status), null));
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      builder.header(HttpHeaders.ALLOW, allow);
    }
    return builder.build();
  }

  private static String detailOf(WebApplicationException web, Response.StatusType status) {
    String message = web.getMessage();
    boolean generic = message == null || message.startsWith("HTTP " + status.getStatusCode());
    return switch (status.getStatusCode()) {
      case 404 -> generic ? "Nothing is served at this path." : message;
      case 405 ->
          "This method is not allowed here; allowed: "
              + web.getResponse().getHeaderString(HttpHeaders.ALLOW)
              + ".";
      case 415 -> "Send the body as application/json.";
      case 406 -> "This resource cannot answer in a media type that the Accept header allows.";
      default -> generic ? status.getReasonPhrase() + "." : message;
    };
  }

  private static String typeOf(Response.StatusType status) {
    return status.getStatusCode() == 404 ? TYPE_PREFIX + "not-found" : "about:blank";
  }

  private static Response answer(
      Response.StatusType status, String type, String detail, String field) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(Problem.of(status, TYPE_PREFIX + type, detail, field))
        .build();
  }
}
