package org.example.imageservice.api;

import jakarta.ws.rs.core.Response;

/** Client error statuses under their RFC 9110 names, which {@link Response.Status} lacks. */
enum ClientErrorStatus implements Response.StatusType {
  CONTENT_TOO_LARGE(413, "Content Too Large"),
  UNPROCESSABLE_CONTENT(422, "Unprocessable Content");

  private final int code;
  private final String reason;

  ClientErrorStatus(int code, String reason) {
    this.code = code;
    this.reason = reason;
  }

  @Override
  public int getStatusCode() {
    return code;
  }

  @Override
  public Response.Status.Family getFamily() {
    return Response.Status.Family.CLIENT_ERROR;
  }

  @Override
  public String getReasonPhrase() {
    return reason;
  }
}
