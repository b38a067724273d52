package org.example.imageservice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class InMemoryImageRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Resolution SMALL = new Resolution(10, 10);

  private final InMemoryImageRepository repository = new InMemoryImageRepository();

  @Test
  void pageReturnsImagesAfterTheGivenIdInOrder() {
    for (long id = 1; id <= 5; id++) {
      repository.insert(Image.created(id, ImageFormat.PNG, SMALL, NOW));
    }

    ImagePage page = repository.page(new ImageQuery(Optional.empty(), 2, 2));

    assertEquals(List.of(3L, 4L), page.images().stream().map(Image::id).toList());
    assertTrue(page.hasMore());
    assertFalse(repository.page(new ImageQuery(Optional.empty(), 3, 2)).hasMore());
  }

  @Test
  void pageFiltersByStatus() {
    for (long id = 1; id <= 4; id++) {
      repository.insert(Image.created(id, ImageFormat.PNG, SMALL, NOW));
    }
    repository.update(3, image -> image.withStatus(ImageStatus.FAILED, NOW));

    ImagePage page = repository.page(new ImageQuery(Optional.of(ImageStatus.FAILED), 0, 10));

    assertEquals(List.of(3L), page.images().stream().map(Image::id).toList());
    assertFalse(page.hasMore());
  }

  @Test
  void refusedUpdateChangesNothing() {
    Image image = Image.created(1, ImageFormat.PNG, SMALL, NOW);
    repository.insert(image);

    try {
      repository.update(
          1,
          current -> {
            throw new IllegalStateException("refused");
          });
    } catch (IllegalStateException expected) {
      // the refusal is the point of the test
    }

    assertEquals(Optional.of(image), repository.find(1));
    assertEquals(new StatusCounts(1, 0, 0), repository.counts());
  }

  @Test
  void countsEqualTheStoredImagesUnderConcurrentWriters() throws Exception {
    int threads = 8;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < perThread; i++) {
                  Image image =
                      repository.insertWithNextId(
                          id -> Image.created(id, ImageFormat.PNG, SMALL, NOW));
                  long target = 1 + random.nextLong(image.id());
                  ImageStatus to = ImageStatus.values()[random.nextInt(3)];
                  repository.update(
                      target,
                      current ->
                          current.status().canMoveTo(to) ? current.withStatus(to, NOW) : current);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();

    long[] truth = new long[3];
    ImagePage all;
    long after = 0;
    int seen = 0;
    do {
      all = repository.page(new ImageQuery(Optional.empty(), after, ImageQuery.MAX_LIMIT));
      for (Image image : all.images()) {
        truth[image.status().ordinal()]++;
        seen++;
      }
      after = all.lastId();
    } while (all.hasMore());
    assertEquals(threads * perThread, seen);
    assertEquals(new StatusCounts(truth[0], truth[1], truth[2]), repository.counts());
  }
}
