package org.example.imageservice.domain;

import java.util.List;
import java.util.Objects;

/**
 * One page of images ordered by id.
 *
 * @param hasMore whether images after the last one on this page match the same query
 */
public record ImagePage(List<Image> images, boolean hasMore) {

  public ImagePage {
    images = List.copyOf(Objects.requireNonNull(images, "images"));
  }

  /** The id to pass as {@code after} to get the next page, or 0 when the page is empty. */
  public long lastId() {
    return images.isEmpty() ? 0 : images.get(images.size() - 1).id();
  }
}
