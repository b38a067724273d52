package org.example.imageservice.domain;

/** Base type of every error the image domain reports; its message is written for the caller. */
public abstract class ImageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ImageException(String message) {
    super(message);
  }
}
