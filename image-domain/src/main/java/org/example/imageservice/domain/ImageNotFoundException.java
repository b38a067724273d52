package org.example.imageservice.domain;

/** Thrown when no image is stored under the requested id. */
public final class ImageNotFoundException extends ImageException {
  private static final long serialVersionUID = 1L;

  private final long id;

  public ImageNotFoundException(long id) {
    super("No image with id " + id + " exists.");
    this.id = id;
  }

  public long id() {
    return id;
  }
}
