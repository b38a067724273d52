package org.example.imageservice.domain;

import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * Storage of images. Implementations are safe for concurrent use, and their counts always equal
 * what is stored.
 */
public interface ImageRepository {

  /**
   * Stores {@code image} under its id.
   *
   * @throws ImageAlreadyExistsException when the id is taken; nothing changes then
   */
  void insert(Image image);

  /** Builds an image for the next free id and stores it, as one atomic step. */
  Image insertWithNextId(LongFunction<Image> build);

  Optional<Image> find(long id);

  /** Images matching {@code query}, ordered by id. */
  ImagePage page(ImageQuery query);

  /**
   * Replaces the image stored under {@code id} with {@code change} applied to it, as one atomic
   * step. {@code change} may throw to refuse; nothing changes then. Returning the same instance
   * stores nothing.
   *
   * @return the image before and after
   * @throws ImageNotFoundException when no image has that id
   */
  StatusChange update(long id, UnaryOperator<Image> change);

  /** How many images are in each status; constant time. */
  StatusCounts counts();
}
