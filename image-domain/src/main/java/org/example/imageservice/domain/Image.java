package org.example.imageservice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One tracked image: an immutable snapshot of its id, format, resolution and status.
 *
 * @param updatedAt when the status last changed; for an image in {@code Processing} this is when
 *     processing started (creation or retry)
 */
public record Image(
    long id,
    ImageFormat format,
    Resolution resolution,
    ImageStatus status,
    Instant createdAt,
    Instant updatedAt) {

  public Image {
    if (id < 1) {
      throw new InvalidImageException("id", "id must be a positive integer, was " + id + ".");
    }
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new image, in {@code Processing} since {@code now}. */
  public static Image created(long id, ImageFormat format, Resolution resolution, Instant now) {
    return new Image(id, format, resolution, ImageStatus.PROCESSING, now, now);
  }

  /** This image moved to {@code target} at {@code now}; the caller checks the move is allowed. */
  public Image withStatus(ImageStatus target, Instant now) {
    return new Image(id, format, resolution, target, createdAt, now);
  }
}
