package org.example.imageservice.domain;

import java.util.Objects;

/** Thrown when a value given for an image is not acceptable; names the offending field. */
public final class InvalidImageException extends ImageException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidImageException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The name of the field (as the API spells it) that holds the bad value. */
  public String field() {
    return field;
  }
}
