package org.example.imageservice.domain;

/** How many stored images are in each status, taken at one instant. */
public record StatusCounts(long processing, long processed, long failed) {
  /** No images at all. */
  public static final StatusCounts EMPTY = new StatusCounts(0, 0, 0);

  public long of(ImageStatus status) {
    return switch (status) {
      case PROCESSING -> processing;
      case PROCESSED -> processed;
      case FAILED -> failed;
    };
  }

  public long total() {
    return processing + processed + failed;
  }

  /** These counts after one image moved from {@code from} (null for a new image) to {@code to}. */
  public StatusCounts moved(ImageStatus from, ImageStatus to) {
    long[] counts = {processing, processed, failed};
    if (from != null) {
      counts[from.ordinal()]--;
    }
    counts[to.ordinal()]++;
    return new StatusCounts(counts[0], counts[1], counts[2]);
  }
}
