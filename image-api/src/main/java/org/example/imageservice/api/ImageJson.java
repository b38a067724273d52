package org.example.imageservice.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.example.imageservice.domain.Image;

/** An image as the API writes it; field names match the original tool's. */
@JsonPropertyOrder({"id", "format", "resolution", "img_status", "created_at", "updated_at"})
public record ImageJson(
    long id,
    String format,
    String resolution,
    @JsonProperty("img_status") String status,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  static ImageJson of(Image image) {
    return new ImageJson(
        image.id(),
        image.format().name(),
        image.resolution().toString(),
        image.status().label(),
        image.createdAt().toString(),
        image.updatedAt().toString());
  }
}
