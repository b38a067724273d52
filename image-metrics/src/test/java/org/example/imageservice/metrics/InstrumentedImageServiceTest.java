package org.example.imageservice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.example.imageservice.domain.IllegalStatusTransitionException;
import org.example.imageservice.domain.ImageAlreadyExistsException;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.ImageStatus;
import org.example.imageservice.domain.InMemoryImageRepository;
import org.example.imageservice.domain.RepositoryImageService;
import org.example.imageservice.domain.Resolution;
import org.junit.jupiter.api.Test;

class InstrumentedImageServiceTest {
  private static final Resolution HD = new Resolution(1920, 1080);

  private final SteppingClock clock = new SteppingClock();
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ImageService service =
      new InstrumentedImageService(
          new RepositoryImageService(new InMemoryImageRepository(), clock), registry);

  @Test
  void everyFormatStartsAtZero() throws Exception {
    Exposition metrics = Exposition.scrape(registry);

    for (ImageFormat format : ImageFormat.values()) {
      assertEquals(0, metrics.value("myapp_images_created_total", "format", format.name()));
      assertEquals(
          0,
          metrics.value(
              "myapp_images_processed_total", "format", format.name(), "outcome", "failed"));
    }
    assertEquals(0, metrics.value("myapp_processing_images"));
  }

  @Test
  void countsAKnownSequenceOfCalls() throws Exception {
    service.create(1, ImageFormat.PNG, HD);
    service.create(ImageFormat.PNG, HD);
    service.create(ImageFormat.JPEG, HD);
    clock.advance(Duration.ofSeconds(2));
    service.changeStatus(1, ImageStatus.PROCESSED);
    service.changeStatus(1, ImageStatus.PROCESSED);
    clock.advance(Duration.ofMillis(500));
    service.changeStatus(3, ImageStatus.FAILED);
    service.changeStatus(3, ImageStatus.PROCESSING);
    assertThrows(ImageAlreadyExistsException.class, () -> service.create(1, ImageFormat.GIF, HD));
    assertThrows(
        IllegalStatusTransitionException.class, () -> service.changeStatus(1, ImageStatus.FAILED));

    Exposition metrics = Exposition.scrape(registry);

    assertEquals(2, metrics.value("myapp_images_created_total", "format", "PNG"));
    assertEquals(1, metrics.value("myapp_images_created_total", "format", "JPEG"));
    assertEquals(0, metrics.value("myapp_images_created_total", "format", "GIF"));
    assertEquals(
        1, metrics.value("myapp_images_processed_total", "format", "PNG", "outcome", "processed"));
    assertEquals(
        1, metrics.value("myapp_images_processed_total", "format", "JPEG", "outcome", "failed"));
    assertEquals(
        1, metrics.value("myapp_image_processing_duration_seconds_count", "format", "PNG"));
    assertEquals(
        2.0, metrics.value("myapp_image_processing_duration_seconds_sum", "format", "PNG"));
    assertEquals(
        2.5, metrics.value("myapp_image_processing_duration_seconds_sum", "format", "JPEG"));
    assertEquals(
        0,
        metrics.value(
            "myapp_image_processing_duration_seconds_bucket", "format", "PNG", "le", "1.0"));
    assertEquals(
        1,
        metrics.value(
            "myapp_image_processing_duration_seconds_bucket", "format", "PNG", "le", "2.5"));
    assertEquals(2, metrics.value("myapp_processing_images"));
    assertEquals(1, metrics.value("myapp_processed_images"));
    assertEquals(0, metrics.value("myapp_failed_images"));
  }

  @Test
  void keepsTheOriginalHelpTexts() throws Exception {
    String text = Exposition.scrape(registry).text();

    assertTrue(
        text.contains(
            "# HELP myapp_processing_images Number of images currently being processed.\n"),
        text);
    assertTrue(text.contains("# HELP myapp_processed_images Number of images processed.\n"), text);
    assertTrue(text.contains("# TYPE myapp_processing_images gauge\n"), text);
  }

  /** A clock that moves only when told to. */
  private static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
