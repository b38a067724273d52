package org.example.imageservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BadRequestException;
import org.example.imageservice.domain.InvalidImageException;

/** Checks on request bodies that Jackson has already parsed into a tree. */
final class JsonBodies {

  private JsonBodies() {}

  static JsonNode requireObject(JsonNode body) {
    if (body == null || body.isMissingNode()) {
      throw new BadRequestException("The request body is empty; send a JSON object.");
    }
    if (!body.isObject()) {
      throw new BadRequestException(
          "The request body must be a JSON object, not "
              + body.getNodeType().name().toLowerCase()
              + ".");
    }
    return body;
  }

  /** The text of {@code field}, or null when it is absent or JSON null. */
  static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidImageException(field, field + " must be a JSON string, was " + value);
    }
    return value.textValue();
  }
}
