package org.example.imageservice.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.example.imageservice.domain.Image;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImagePage;
import org.example.imageservice.domain.ImageQuery;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.ImageStatus;
import org.example.imageservice.domain.Resolution;
import org.example.imageservice.domain.StatusChange;
import org.example.imageservice.domain.StatusCounts;

/**
 * An {@link ImageService} that counts what the wrapped service does, and exposes its per-status
 * counts as gauges read at scrape time. Only what the wrapped service accepted is counted.
 */
public final class InstrumentedImageService implements ImageService {
  /** Processing takes from milliseconds (simulated) to minutes (real images). */
  static final double[] PROCESSING_BUCKETS = {
    0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300
  };

  private final ImageService delegate;
  private final Map<ImageFormat, CounterDataPoint> created = new EnumMap<>(ImageFormat.class);
  private final Map<ImageFormat, CounterDataPoint> processed = new EnumMap<>(ImageFormat.class);
  private final Map<ImageFormat, CounterDataPoint> failed = new EnumMap<>(ImageFormat.class);
  private final Map<ImageFormat, DistributionDataPoint> processingTime =
      new EnumMap<>(ImageFormat.class);

  public InstrumentedImageService(ImageService delegate, PrometheusRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Counter createdTotal =
        Counter.builder()
            .name("myapp_images_created_total")
            .help("Images created, by format.")
            .labelNames("format")
            .withoutExemplars()
            .register(registry);
    Counter processedTotal =
        Counter.builder()
            .name("myapp_images_processed_total")
            .help("Images that left Processing, by format and outcome (processed or failed).")
            .labelNames("format", "outcome")
            .withoutExemplars()
            .register(registry);
    Histogram duration =
        Histogram.builder()
            .name("myapp_image_processing_duration_seconds")
            .help("Time from creation or retry until an image is Processed or Failed.")
            .labelNames("format")
            .classicOnly()
            .classicUpperBounds(PROCESSING_BUCKETS)
            .withoutExemplars()
            .register(registry);
    // Every format is set up front so that a quiet format reads 0 rather than "no data".
    for (ImageFormat format : ImageFormat.values()) {
      created.put(format, createdTotal.labelValues(format.name()));
      processed.put(format, processedTotal.labelValues(format.name(), "processed"));
      failed.put(format, processedTotal.labelValues(format.name(), "failed"));
      processingTime.put(format, duration.labelValues(format.name()));
    }
    registry.register(new StatusGauges(delegate::counts));
  }

  @Override
  public Image create(ImageFormat format, Resolution resolution) {
    return counted(delegate.create(format, resolution));
  }

  @Override
  public Image create(long id, ImageFormat format, Resolution resolution) {
    return counted(delegate.create(id, format, resolution));
  }

  @Override
  public Optional<Image> find(long id) {
    return delegate.find(id);
  }

  @Override
  public ImagePage list(ImageQuery query) {
    return delegate.list(query);
  }

  @Override
  public StatusChange changeStatus(long id, ImageStatus target) {
    StatusChange change = delegate.changeStatus(id, target);
    if (change.finishedProcessing()) {
      ImageFormat format = change.after().format();
      (change.after().status() == ImageStatus.PROCESSED ? processed : failed).get(format).inc();
      processingTime.get(format).observe(change.timeInPreviousStatus().toNanos() / 1e9);
    }
    return change;
  }

  @Override
  public StatusCounts counts() {
    return delegate.counts();
  }

  private Image counted(Image image) {
    created.get(image.format()).inc();
    return image;
  }
}
