package org.example.imageservice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.example.imageservice.app.Config;
import org.example.imageservice.app.ImageServiceApp;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.Resolution;

/**
 * Runs the service in this JVM and measures, over HTTP, what must not grow with the number of
 * stored images: the cost of one scrape of /metrics and of one page of the image list; and the heap
 * that each stored image takes.
 */
public final class ScaleBench {
  private static final Logger LOG = Logger.getLogger(ScaleBench.class.getName());

  /**
   * The service's one-line-per-request log is silenced here: it would put a line on the console for
   * every timed call. Held in a field so that the level set on it is kept.
   */
  private static final Logger REQUEST_LOG = Logger.getLogger("org.example.imageservice.requests");

  private static final ImageFormat[] FORMATS = ImageFormat.values();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ImageServiceApp app;
  private final HttpClient client;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private long stored;

  private ScaleBench(ImageServiceApp app) {
    this.app = app;
    // HTTP/1.1 only: Grizzly mishandles the h2c upgrade that HttpClient tries by default.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * Writes the measurements as JSON.
   *
   * @param args the output file, then optionally the number of images (default 1 000 000), of timed
   *     scrapes per size (default 200) and of timed page reads per position (default 500)
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ScaleBench OUTPUT.json [IMAGES SCRAPES PAGES]");
    }
    Path output = Path.of(args[0]);
    int images = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int scrapes = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int pages = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    REQUEST_LOG.setLevel(Level.WARNING);

    Config config = new Config("127.0.0.1", 0, 0, false, false, true);
    try (ImageServiceApp app = ImageServiceApp.start(config)) {
      ObjectNode result = new ScaleBench(app).run(images, scrapes, pages);
      JSON.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), result);
    }
    LOG.info("scale results written to " + output);
  }

  private ObjectNode run(int images, int scrapes, int pages)
      throws IOException, InterruptedException {
    ObjectNode result = JSON.createObjectNode();
    result.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    result.put(
        "jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    result.put("images", images);

    LOG.info("warming up: scrapes and page reads on an empty store");
    URI metrics = app.metricsUri();
    for (int i = 0; i < 300; i++) {
      get(metrics);
      get(page(0));
    }

    ArrayNode scrape = result.putArray("scrape");
    scrape.add(timeScrapes(scrapes));
    long heapBefore = usedHeapAfterGc();

    int small = Math.min(10_000, images);
    result.set("load_small", load(small));
    scrape.add(timeScrapes(scrapes));

    ObjectNode load = load(images);
    result.set("load", load);
    long heapAfter = usedHeapAfterGc();
    ObjectNode heap = result.putObject("heap");
    heap.put("before_bytes", heapBefore);
    heap.put("after_bytes", heapAfter);
    heap.put("images_added", images);
    heap.put("per_image_bytes", (double) (heapAfter - heapBefore) / images);
    LOG.info(
        String.format(
            "heap: %.1f MiB before, %.1f MiB after, %.1f bytes per image",
            heapBefore / 1048576.0,
            heapAfter / 1048576.0,
            (double) (heapAfter - heapBefore) / images));
    scrape.add(timeScrapes(scrapes));

    result.set("pagination", timePages(images, pages));
    return result;
  }

  /** Creates images through the service until {@code target} are stored; times the loop. */
  private ObjectNode load(int target) {
    ImageService service = app.images();
    int from = (int) stored;
    LOG.info("storing images " + (from + 1) + " to " + target);
    long started = System.nanoTime();
    for (int i = from; i < target; i++) {
      service.create(FORMATS[i % FORMATS.length], new Resolution(640 + i % 1280, 480 + i % 600));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    stored = service.counts().total();
    if (stored != target) {
      throw new IllegalStateException("expected " + target + " images, the service has " + stored);
    }
    ObjectNode load = JSON.createObjectNode();
    load.put("images", target - from);
    load.put("seconds", seconds);
    load.put("per_second", (target - from) / seconds);
    return load;
  }

  private ObjectNode timeScrapes(int count) throws IOException, InterruptedException {
    URI metrics = app.metricsUri();
    for (int i = 0; i < 20; i++) {
      get(metrics);
    }
    double[] millis = new double[count];
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      bytes = get(metrics);
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    ObjectNode level = JSON.createObjectNode();
    level.put("images", stored);
    level.put("samples", count);
    level.put("median_ms", Stats.median(millis));
    level.put("p99_ms", Stats.percentile(millis, 99));
    level.put("max_ms", Stats.max(millis));
    level.put("bytes", bytes);
    LOG.info(
        String.format(
            "scrape with %d images: median %.3f ms, p99 %.3f ms, %d bytes",
            stored, Stats.median(millis), Stats.percentile(millis, 99), bytes));
    return level;
  }

  /** Reads pages at the start, middle and end of the ids in turn, so drift hits all alike. */
  private ArrayNode timePages(int images, int count) throws IOException, InterruptedException {
    long[] after = {0, images / 2, Math.max(0, images - 100)};
    String[] names = {"start", "middle", "end"};
    LOG.info("timing pages at after=" + after[0] + ", " + after[1] + " and " + after[2]);
    for (int i = 0; i < 100; i++) {
      for (long position : after) {
        get(page(position));
      }
    }
    double[][] millis = new double[after.length][count];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < after.length; p++) {
        long started = System.nanoTime();
        get(page(after[p]));
        millis[p][i] = (System.nanoTime() - started) / 1e6;
      }
    }
    ArrayNode pagination = JSON.createArrayNode();
    for (int p = 0; p < after.length; p++) {
      ObjectNode position = pagination.addObject();
      position.put("position", names[p]);
      position.put("after", after[p]);
      position.put("samples", count);
      position.put("median_ms", Stats.median(millis[p]));
      position.put("p99_ms", Stats.percentile(millis[p], 99));
      LOG.info(
          String.format(
              "page at %s (after=%d): median %.3f ms, p99 %.3f ms",
              names[p], after[p], Stats.median(millis[p]), Stats.percentile(millis[p], 99)));
    }
    return pagination;
  }

  private URI page(long after) {
    return app.apiUri().resolve("images?limit=100&after=" + after);
  }

  /** GETs {@code uri}, fails on any status but 200, and returns the size of the body. */
  private long get(URI uri) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered " + response.statusCode());
    }
    return response.body().length;
  }

  /** Used heap once repeated full collections have left only what is reachable. */
  private long usedHeapAfterGc() throws InterruptedException {
    long used = 0;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = memory.getHeapMemoryUsage().getUsed();
    }
    return used;
  }
}
