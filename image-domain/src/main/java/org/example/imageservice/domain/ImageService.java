package org.example.imageservice.domain;

import java.util.Optional;

/** What callers can do with tracked images; the port that HTTP and instrumentation build on. */
public interface ImageService {

  /** Stores a new image in {@code Processing} under the next free id. */
  Image create(ImageFormat format, Resolution resolution);

  /**
   * Stores a new image in {@code Processing} under an id the caller chose.
   *
   * @throws ImageAlreadyExistsException when the id is taken; nothing changes then
   * @throws InvalidImageException when the id is not positive
   */
  Image create(long id, ImageFormat format, Resolution resolution);

  /** The image stored under {@code id}, if any. */
  Optional<Image> find(long id);

  /** A page of images ordered by id. */
  ImagePage list(ImageQuery query);

  /**
   * Moves an image to {@code target}. Moving to the status it already has changes nothing.
   *
   * @throws ImageNotFoundException when no image has that id
   * @throws IllegalStatusTransitionException when the current status does not allow the move
   */
  StatusChange changeStatus(long id, ImageStatus target);

  /** How many images are in each status now; constant time. */
  StatusCounts counts();
}
