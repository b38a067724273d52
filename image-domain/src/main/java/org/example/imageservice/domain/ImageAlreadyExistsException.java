package org.example.imageservice.domain;

/** Thrown when an image is created under an id that is already taken; nothing is stored. */
public final class ImageAlreadyExistsException extends ImageException {
  private static final long serialVersionUID = 1L;

  private final long id;

  public ImageAlreadyExistsException(long id) {
    super("An image with id " + id + " already exists; choose another id or omit it.");
    this.id = id;
  }

  public long id() {
    return id;
  }
}
