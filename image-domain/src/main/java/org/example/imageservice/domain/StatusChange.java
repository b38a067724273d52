package org.example.imageservice.domain;

import java.time.Duration;
import java.util.Objects;

/** The outcome of a status change: the image before and after it. */
public record StatusChange(Image before, Image after) {

  public StatusChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** False when the image already had the requested status and nothing was stored. */
  public boolean changed() {
    return before.status() != after.status();
  }

  /** Whether this change ended a processing run, successfully or not. */
  public boolean finishedProcessing() {
    return changed() && before.status() == ImageStatus.PROCESSING;
  }

  /** How long the image spent in its previous status. */
  public Duration timeInPreviousStatus() {
    return Duration.between(before.updatedAt(), after.updatedAt());
  }
}
