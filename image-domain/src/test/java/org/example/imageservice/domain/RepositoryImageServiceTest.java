package org.example.imageservice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositoryImageServiceTest {
  private static final Resolution HD = new Resolution(1920, 1080);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ImageService service =
      new RepositoryImageService(new InMemoryImageRepository(), clock);

  @Test
  void createStartsInProcessingWithTheClockTime() {
    Image image = service.create(ImageFormat.PNG, HD);

    assertEquals(ImageStatus.PROCESSING, image.status());
    assertEquals(clock.instant(), image.createdAt());
    assertEquals(clock.instant(), image.updatedAt());
    assertEquals(Optional.of(image), service.find(image.id()));
  }

  @Test
  void createWithoutIdTakesTheNextFreeId() {
    service.create(2, ImageFormat.PNG, HD);

    assertEquals(1, service.create(ImageFormat.GIF, HD).id());
    assertEquals(3, service.create(ImageFormat.GIF, HD).id());
  }

  @Test
  void createRejectsDuplicateIdAndKeepsTheStoredImage() {
    Image original = service.create(7, ImageFormat.JPEG, HD);

    assertThrows(
        ImageAlreadyExistsException.class,
        () -> service.create(7, ImageFormat.PNG, new Resolution(10, 10)));

    assertEquals(Optional.of(original), service.find(7));
    assertEquals(new StatusCounts(1, 0, 0), service.counts());
  }

  @Test
  void createRejectsNonPositiveIdNamingTheField() {
    InvalidImageException error =
        assertThrows(InvalidImageException.class, () -> service.create(0, ImageFormat.PNG, HD));

    assertEquals("id", error.field());
    assertEquals(StatusCounts.EMPTY, service.counts());
  }

  @Test
  void createRejectsMissingFormat() {
    InvalidImageException error =
        assertThrows(InvalidImageException.class, () -> service.create(null, HD));

    assertEquals("format", error.field());
  }

  @Test
  void changeStatusRecordsTheTimeSpentProcessing() {
    Image image = service.create(ImageFormat.PNG, HD);
    clock.advance(Duration.ofSeconds(3));

    StatusChange change = service.changeStatus(image.id(), ImageStatus.PROCESSED);

    assertTrue(change.finishedProcessing());
    assertEquals(Duration.ofSeconds(3), change.timeInPreviousStatus());
    assertEquals(ImageStatus.PROCESSED, service.find(image.id()).orElseThrow().status());
    assertEquals(new StatusCounts(0, 1, 0), service.counts());
  }

  @Test
  void changeToTheSameStatusChangesNothing() {
    Image image = service.create(ImageFormat.PNG, HD);
    clock.advance(Duration.ofSeconds(1));

    StatusChange change = service.changeStatus(image.id(), ImageStatus.PROCESSING);

    assertFalse(change.changed());
    assertSame(image, service.find(image.id()).orElseThrow());
  }

  @Test
  void failedImageCanBeRetried() {
    Image image = service.create(ImageFormat.PNG, HD);
    service.changeStatus(image.id(), ImageStatus.FAILED);

    service.changeStatus(image.id(), ImageStatus.PROCESSING);

    assertEquals(new StatusCounts(1, 0, 0), service.counts());
  }

  @Test
  void illegalMoveIsRefusedAndChangesNothing() {
    Image image = service.create(ImageFormat.PNG, HD);
    Image processed = service.changeStatus(image.id(), ImageStatus.PROCESSED).after();

    IllegalStatusTransitionException error =
        assertThrows(
            IllegalStatusTransitionException.class,
            () -> service.changeStatus(image.id(), ImageStatus.FAILED));

    assertEquals(ImageStatus.PROCESSED, error.from());
    assertTrue(error.getMessage().contains("cannot become Failed"), error.getMessage());
    assertSame(processed, service.find(image.id()).orElseThrow());
    assertEquals(new StatusCounts(0, 1, 0), service.counts());
  }

  @Test
  void changeStatusOfAbsentImageIsNotFound() {
    assertThrows(
        ImageNotFoundException.class, () -> service.changeStatus(99, ImageStatus.PROCESSED));
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
