package org.example.imageservice.domain;

/** Thrown when an image is asked to move to a status that its current status does not allow. */
public final class IllegalStatusTransitionException extends ImageException {
  private static final long serialVersionUID = 1L;

  private final long id;
  private final ImageStatus from;
  private final ImageStatus to;

  public IllegalStatusTransitionException(long id, ImageStatus from, ImageStatus to) {
    super(
        "Image "
            + id
            + " is "
            + from.label()
            + " and cannot become "
            + to.label()
            + "; allowed from "
            + from.label()
            + ": "
            + from.allowedTargetsDescription()
            + ".");
    this.id = id;
    this.from = from;
    this.to = to;
  }

  public long id() {
    return id;
  }

  public ImageStatus from() {
    return from;
  }

  public ImageStatus to() {
    return to;
  }
}
