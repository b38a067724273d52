package org.example.imageservice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * An error body in the form of RFC 9457 (problem details).
 *
 * @param field the request field or parameter at fault, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
  /** The media type of every error the API returns. */
  public static final String MEDIA_TYPE = "application/problem+json";

  static Problem of(Response.StatusType status, String type, String detail, String field) {
    return new Problem(type, status.getReasonPhrase(), status.getStatusCode(), detail, field);
  }
}
