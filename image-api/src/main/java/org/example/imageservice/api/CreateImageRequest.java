package org.example.imageservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImageStatus;
import org.example.imageservice.domain.InvalidImageException;
import org.example.imageservice.domain.Resolution;

/** The body of {@code POST /images}, read field by field so every error names its field. */
record CreateImageRequest(OptionalLong id, ImageFormat format, Resolution resolution) {

  static CreateImageRequest from(JsonNode body) {
    JsonNode object = JsonBodies.requireObject(body);

    OptionalLong id = readId(object.get("id"));
    ImageFormat format = ImageFormat.parse(JsonBodies.text(object, "format"));
    Resolution resolution = Resolution.parse(JsonBodies.text(object, "resolution"));
    String status = JsonBodies.text(object, "img_status");
    if (status != null && ImageStatus.parse(status, "img_status") != ImageStatus.PROCESSING) {
      throw new InvalidImageException(
          "img_status", "img_status of a new image can only be Processing, or left out.");
    }
    return new CreateImageRequest(id, format, resolution);
  }

  private static OptionalLong readId(JsonNode id) {
    if (id == null || id.isNull()) {
      return OptionalLong.empty();
    }
    if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() < 1) {
      throw new InvalidImageException(
          "id",
          "id must be a whole number from 1 to " + Long.MAX_VALUE + ", or left out; was " + id);
    }
    return OptionalLong.of(id.longValue());
  }
}
