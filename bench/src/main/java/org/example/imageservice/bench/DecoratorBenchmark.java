package org.example.imageservice.bench;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.example.imageservice.domain.Image;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.ImageStatus;
import org.example.imageservice.domain.InMemoryImageRepository;
import org.example.imageservice.domain.RepositoryImageService;
import org.example.imageservice.domain.Resolution;
import org.example.imageservice.domain.StatusChange;
import org.example.imageservice.metrics.InstrumentedImageService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the metrics decorator adds to the service's writes: the same calls on the plain service and
 * on {@link InstrumentedImageService} wrapped around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DecoratorBenchmark {
  private static final Resolution RESOLUTION = new Resolution(1920, 1080);

  /**
   * Creates per store before {@link #create} starts on a fresh one: keeps the live set (and so GC
   * work and the depth of the id index) the same for both services, however fast they run.
   */
  private static final int STORE_SIZE = 100_000;

  /** Which service is measured: {@code plain} or {@code instrumented}. */
  @Param({"plain", "instrumented"})
  public String service;

  private ImageService images;
  private long cycled;
  private int created;

  /** A fresh, empty store each iteration, with one image for {@link #failAndRetry}. */
  @Setup(Level.Iteration)
  public void freshService() {
    images = newService();
    cycled = images.create(ImageFormat.PNG, RESOLUTION).id();
    created = 1;
  }

  private ImageService newService() {
    ImageService plain = new RepositoryImageService(new InMemoryImageRepository());
    return switch (service) {
      case "plain" -> plain;
      case "instrumented" -> new InstrumentedImageService(plain, new PrometheusRegistry());
      default -> throw new IllegalArgumentException("unknown service " + service);
    };
  }

  /** Creates one image under the next free id; every {@value #STORE_SIZE}, in a new store. */
  @Benchmark
  public Image create() {
    if (++created > STORE_SIZE) {
      images = newService();
      created = 1;
    }
    return images.create(ImageFormat.PNG, RESOLUTION);
  }

  /** Moves one image Processing to Failed and back: two real transitions per operation. */
  @Benchmark
  public StatusChange failAndRetry() {
    images.changeStatus(cycled, ImageStatus.FAILED);
    return images.changeStatus(cycled, ImageStatus.PROCESSING);
  }
}
