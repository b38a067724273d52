package org.example.imageservice.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.function.Supplier;
import org.example.imageservice.domain.StatusCounts;

/**
 * The number of images in each status, read from the store when scraped. The three gauges come from
 * one snapshot of the counts, so they always add up to the number of stored images.
 */
final class StatusGauges implements MultiCollector {
  static final String PROCESSING = "myapp_processing_images";
  static final String PROCESSED = "myapp_processed_images";
  static final String FAILED = "myapp_failed_images";

  private final Supplier<StatusCounts> counts;

  StatusGauges(Supplier<StatusCounts> counts) {
    this.counts = counts;
  }

  @Override
  public MetricSnapshots collect() {
    StatusCounts now = counts.get();
    return MetricSnapshots.of(
        gauge(PROCESSING, "Number of images currently being processed.", now.processing()),
        gauge(PROCESSED, "Number of images processed.", now.processed()),
        gauge(FAILED, "Number of images whose processing failed.", now.failed()));
  }

  @Override
  public List<String> getPrometheusNames() {
    return List.of(PROCESSING, PROCESSED, FAILED);
  }

  private static GaugeSnapshot gauge(String name, String help, long value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
        .build();
  }
}
