package org.example.imageservice.api;

import jakarta.ws.rs.container.AsyncResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Delays answers by a random time, as the original tool did, so latency metrics show a spread.
 *
 * <p>A delayed request holds no thread and no lock while it waits: it is suspended and resumed by a
 * timer, so other requests go on being served.
 */
public final class SimulatedLatency implements AutoCloseable {
  private final ScheduledExecutorService timer;

  private SimulatedLatency(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Answers at once. */
  public static SimulatedLatency none() {
    return new SimulatedLatency(null);
  }

  /** Waits a random time up to each call's bound before answering. */
  public static SimulatedLatency random() {
    AtomicInteger threads = new AtomicInteger();
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            2,
            task -> {
              Thread thread = new Thread(task, "simulated-latency-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return new SimulatedLatency(timer);
  }

  /** Runs {@code work} after a random delay of up to {@code upTo} and resumes with its result. */
  void respond(AsyncResponse response, Duration upTo, Supplier<?> work) {
    if (timer == null) {
      complete(response, work);
      return;
    }
    long delayMicros = ThreadLocalRandom.current().nextLong(upTo.toNanos() / 1000 + 1);
    timer.schedule(() -> complete(response, work), delayMicros, TimeUnit.MICROSECONDS);
  }

  private static void complete(AsyncResponse response, Supplier<?> work) {
    try {
      response.resume(work.get());
    } catch (RuntimeException error) {
      response.resume(error);
    }
  }

  /** Runs the delays already scheduled, then stops; call after the server stopped taking work. */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdown();
    }
  }
}
