package org.example.imageservice.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.example.imageservice.domain.StatusCounts;

/**
 * The number of images in each status, read from the store when scraped. The three gauges come from
 * one snapshot of the counts, so they always add up to the number of stored images.
 */
final class StatusGauges implements MultiCollector {
  /** One gauge per status; the first two help texts are the original tool's. */
  private enum Family {
    PROCESSING(
        "myapp_processing_images",
        "Number of images currently being processed.",
        StatusCounts::processing),
    PROCESSED("myapp_processed_images", "Number of images processed.", StatusCounts::processed),
    FAILED(
        "myapp_failed_images", "Number of images whose processing failed.", StatusCounts::failed);

    final String name;
    final String help;
    final ToLongFunction<StatusCounts> value;

    Family(String name, String help, ToLongFunction<StatusCounts> value) {
      this.name = name;
      this.help = help;
      this.value = value;
    }
  }

  private final Supplier<StatusCounts> counts;

  StatusGauges(Supplier<StatusCounts> counts) {
    this.counts = counts;
  }

  @Override
  public MetricSnapshots collect() {
    StatusCounts now = counts.get();
    return new MetricSnapshots(
        Arrays.stream(Family.values())
            .map(
                family ->
                    (MetricSnapshot)
                        GaugeSnapshot.builder()
                            .name(family.name)
                            .help(family.help)
                            .dataPoint(
                                GaugeDataPointSnapshot.builder()
                                    .value(family.value.applyAsLong(now))
                                    .build())
                            .build())
            .toList());
  }

  @Override
  public List<MetricFamilyDescriptor> getMetricFamilyDescriptors() {
    return Arrays.stream(Family.values())
        .map(family -> MetricFamilyDescriptor.gauge(family.name).help(family.help).build())
        .toList();
  }
}
