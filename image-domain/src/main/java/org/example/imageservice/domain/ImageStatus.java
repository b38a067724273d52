package org.example.imageservice.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where an image is in its processing, and which moves between statuses are allowed. */
public enum ImageStatus {
  PROCESSING("Processing"),
  PROCESSED("Processed"),
  FAILED("Failed");

  private static final String ACCEPTED =
      Arrays.stream(values()).map(ImageStatus::label).collect(Collectors.joining(", "));

  private final String label;

  ImageStatus(String label) {
    this.label = label;
  }

  /** The name used on the wire, e.g. {@code Processing}. */
  public String label() {
    return label;
  }

  /**
   * Whether an image in this status may move to {@code target}. Staying in the same status is
   * always allowed and changes nothing.
   */
  public boolean canMoveTo(ImageStatus target) {
    return this == target
        || switch (this) {
          case PROCESSING -> target == PROCESSED || target == FAILED;
          case FAILED -> target == PROCESSING;
          case PROCESSED -> false;
        };
  }

  String allowedTargetsDescription() {
    String targets =
        Arrays.stream(values())
            .filter(target -> target != this && canMoveTo(target))
            .map(ImageStatus::label)
            .collect(Collectors.joining(", "));
    return targets.isEmpty() ? "nothing, it is final" : targets;
  }

  /**
   * Reads a status name such as {@code Processed}, ignoring case.
   *
   * @param field the API field the text came from, named in the error
   * @throws InvalidImageException when the text is not a status
   */
  public static ImageStatus parse(String text, String field) {
    if (text != null && Texts.isAscii(text)) {
      for (ImageStatus status : values()) {
        if (status.label.equalsIgnoreCase(text)) {
          return status;
        }
      }
    }
    throw new InvalidImageException(
        field, field + " " + Texts.quote(text) + " is not a status; use one of " + ACCEPTED + ".");
  }
}
