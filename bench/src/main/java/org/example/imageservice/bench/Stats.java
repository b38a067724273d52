package org.example.imageservice.bench;

import java.util.Arrays;
import java.util.Collection;

/** Order statistics over samples: median and nearest-rank percentiles. */
final class Stats {

  private Stats() {}

  /** The median; the mean of the two middle values when the count is even. */
  static double median(double[] samples) {
    requireSome(samples);
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double median(Collection<Double> samples) {
    return median(samples.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The nearest-rank percentile: the smallest sample with at least {@code p}% at or below it. */
  static double percentile(double[] samples, double p) {
    requireSome(samples);
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  static double min(double[] samples) {
    requireSome(samples);
    return Arrays.stream(samples).min().orElseThrow();
  }

  static double max(double[] samples) {
    requireSome(samples);
    return Arrays.stream(samples).max().orElseThrow();
  }

  private static void requireSome(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
  }
}
