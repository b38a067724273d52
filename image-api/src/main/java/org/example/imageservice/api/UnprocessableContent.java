package org.example.imageservice.api;

import jakarta.ws.rs.core.Response;

/** HTTP 422, which {@link Response.Status} does not list. */
enum UnprocessableContent implements Response.StatusType {
  STATUS;

  @Override
  public int getStatusCode() {
    return 422;
  }

  @Override
  public Response.Status.Family getFamily() {
    return Response.Status.Family.CLIENT_ERROR;
  }

  @Override
  public String getReasonPhrase() {
    return "Unprocessable Content";
  }
}
