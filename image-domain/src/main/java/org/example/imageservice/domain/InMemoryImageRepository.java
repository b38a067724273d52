package org.example.imageservice.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * Keeps images in memory, ordered by id.
 *
 * <p>Reads never block. Writes are serialised by one lock so that the map and the per-status counts
 * change together; the counts are published as one immutable snapshot, so a reader never sees a
 * write half applied.
 */
public final class InMemoryImageRepository implements ImageRepository {
  private final ConcurrentSkipListMap<Long, Image> images = new ConcurrentSkipListMap<>();
  private final Object writeLock = new Object();
  private volatile StatusCounts counts = StatusCounts.EMPTY;
  private long nextId = 1;

  @Override
  public void insert(Image image) {
    synchronized (writeLock) {
      if (images.putIfAbsent(image.id(), image) != null) {
        throw new ImageAlreadyExistsException(image.id());
      }
      counts = counts.moved(null, image.status());
    }
  }

  @Override
  public Image insertWithNextId(LongFunction<Image> build) {
    synchronized (writeLock) {
      while (images.containsKey(nextId)) {
        if (nextId == Long.MAX_VALUE) {
          throw new InvalidImageException(
              "id", "Every id up to " + Long.MAX_VALUE + " is taken; give an unused id.");
        }
        nextId++;
      }
      Image image = build.apply(nextId);
      if (image.id() != nextId) {
        throw new IllegalArgumentException("built image has id " + image.id() + ", not " + nextId);
      }
      images.put(image.id(), image);
      counts = counts.moved(null, image.status());
      return image;
    }
  }

  @Override
  public Optional<Image> find(long id) {
    return Optional.ofNullable(images.get(id));
  }

  @Override
  public ImagePage page(ImageQuery query) {
    ConcurrentNavigableMap<Long, Image> tail = images.tailMap(query.after(), false);
    List<Image> page = new ArrayList<>(Math.min(query.limit(), 64));
    Iterator<Image> candidates = tail.values().iterator();
    while (candidates.hasNext()) {
      Image image = candidates.next();
      if (query.status().isPresent() && image.status() != query.status().get()) {
        continue;
      }
      if (page.size() == query.limit()) {
        return new ImagePage(page, true);
      }
      page.add(image);
    }
    return new ImagePage(page, false);
  }

  @Override
  public StatusChange update(long id, UnaryOperator<Image> change) {
    synchronized (writeLock) {
      Image before = images.get(id);
      if (before == null) {
        throw new ImageNotFoundException(id);
      }
      Image after = change.apply(before);
      if (after.id() != id) {
        throw new IllegalArgumentException("an update may not change the id of image " + id);
      }
      if (after != before) {
        images.put(id, after);
        counts = counts.moved(before.status(), after.status());
      }
      return new StatusChange(before, after);
    }
  }

  @Override
  public StatusCounts counts() {
    return counts;
  }
}
