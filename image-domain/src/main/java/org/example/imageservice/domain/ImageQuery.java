package org.example.imageservice.domain;

import java.util.Optional;

/**
 * Which images to list: those with an id above {@code after}, optionally in one status, at most
 * {@code limit} of them.
 */
public record ImageQuery(Optional<ImageStatus> status, long after, int limit) {
  /** The page size used when the caller gives none. */
  public static final int DEFAULT_LIMIT = 100;

  /** The largest page size accepted. */
  public static final int MAX_LIMIT = 1000;

  public ImageQuery {
    status = status == null ? Optional.empty() : status;
    if (after < 0) {
      throw new InvalidImageException("after", "after must be 0 or a positive id, was " + after);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidImageException(
          "limit", "limit must be from 1 to " + MAX_LIMIT + ", was " + limit + ".");
    }
  }

  /** The first page of all images, {@value #DEFAULT_LIMIT} at most. */
  public static ImageQuery firstPage() {
    return new ImageQuery(Optional.empty(), 0, DEFAULT_LIMIT);
  }
}
