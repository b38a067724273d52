package org.example.imageservice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.example.imageservice.domain.IllegalStatusTransitionException;
import org.example.imageservice.domain.Image;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImagePage;
import org.example.imageservice.domain.ImageQuery;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.ImageStatus;
import org.example.imageservice.domain.InMemoryImageRepository;
import org.example.imageservice.domain.RepositoryImageService;
import org.example.imageservice.domain.Resolution;
import org.example.imageservice.domain.StatusChange;
import org.junit.jupiter.api.Test;

class ConcurrentInstrumentationTest {
  private static final int THREADS = 8;
  private static final int IMAGES_PER_THREAD = 1_000;

  @Test
  void gaugesAndCountersAgreeWithTheStoreAfterConcurrentWriters() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    ImageService service =
        new InstrumentedImageService(
            new RepositoryImageService(new InMemoryImageRepository()), registry);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> results = new ArrayList<>();

    for (int t = 0; t < THREADS; t++) {
      results.add(pool.submit(writer(service, start)));
    }
    start.countDown();
    long finishedByThreads = 0;
    long failedByThreads = 0;
    for (Future<long[]> result : results) {
      long[] counts = result.get();
      finishedByThreads += counts[0];
      failedByThreads += counts[1];
    }
    pool.shutdown();

    long[] stored = new long[3];
    long total = 0;
    long after = 0;
    ImagePage page;
    do {
      page = service.list(new ImageQuery(Optional.empty(), after, ImageQuery.MAX_LIMIT));
      for (Image image : page.images()) {
        stored[image.status().ordinal()]++;
        total++;
      }
      after = page.lastId();
    } while (page.hasMore());
    Exposition metrics = Exposition.scrape(registry);
    assertEquals(THREADS * IMAGES_PER_THREAD, total, "no create may be lost");
    assertEquals(stored[0], metrics.value("myapp_processing_images"));
    assertEquals(stored[1], metrics.value("myapp_processed_images"));
    assertEquals(stored[2], metrics.value("myapp_failed_images"));
    assertEquals(total, sumOver(metrics, "myapp_images_created_total", ""));
    assertEquals(finishedByThreads, sumOver(metrics, "myapp_images_processed_total", ""));
    assertEquals(failedByThreads, sumOver(metrics, "myapp_images_processed_total", "failed"));
    assertEquals(
        finishedByThreads, sumOver(metrics, "myapp_image_processing_duration_seconds_count", ""));
  }

  /** Creates images and moves random ones; returns how many runs it finished and failed. */
  private static Callable<long[]> writer(ImageService service, CountDownLatch start) {
    return () -> {
      start.await();
      ThreadLocalRandom random = ThreadLocalRandom.current();
      ImageFormat[] formats = ImageFormat.values();
      long finished = 0;
      long failed = 0;
      for (int i = 0; i < IMAGES_PER_THREAD; i++) {
        Image image = service.create(formats[random.nextInt(formats.length)], new Resolution(8, 8));
        for (int move = 0; move < 3; move++) {
          long id = 1 + random.nextLong(image.id());
          ImageStatus target = ImageStatus.values()[random.nextInt(3)];
          try {
            StatusChange change = service.changeStatus(id, target);
            if (change.finishedProcessing()) {
              finished++;
              failed += change.after().status() == ImageStatus.FAILED ? 1 : 0;
            }
          } catch (IllegalStatusTransitionException refused) {
            // a refused move is part of the mix and must not be counted
          }
        }
      }
      return new long[] {finished, failed};
    };
  }

  private static long sumOver(Exposition metrics, String name, String outcome) {
    long sum = 0;
    for (ImageFormat format : ImageFormat.values()) {
      if (name.equals("myapp_images_processed_total")) {
        for (String each :
            outcome.isEmpty() ? new String[] {"processed", "failed"} : new String[] {outcome}) {
          sum += (long) metrics.value(name, "format", format.name(), "outcome", each);
        }
      } else {
        sum += (long) metrics.value(name, "format", format.name());
      }
    }
    return sum;
  }
}
