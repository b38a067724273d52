package org.example.imageservice.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends bounded rounds of API requests that touch every metric and records unexpected answers. */
final class ApiTraffic implements AutoCloseable {
  private static final List<String> FORMATS = List.of("PNG", "JPEG", "GIF", "WEBP", "TIFF");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final String JSON = "application/json";
  private static final int LOGINS_PER_ROUND = 4;

  private final HttpClient http;
  private final URI api;
  private final int maxRounds;
  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicInteger rounds = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "api-traffic");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param api the API base address, e.g. {@code http://127.0.0.1:8080/}
   * @param maxRounds the most rounds ever sent, however long the traffic runs
   */
  ApiTraffic(HttpClient http, URI api, int maxRounds) {
    this.http = http;
    this.api = api;
    this.maxRounds = maxRounds;
  }

  /** Sends a round now and then one every {@code period} in the background, until closed. */
  void startEvery(Duration period) {
    round();
    timer.scheduleWithFixedDelay(
        this::round, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One round: two creates in rotating formats, one processed and one failed, an illegal move,
   * list, read, several logins, a health check, and 404 and 422 answers.
   */
  void round() {
    int round = rounds.getAndIncrement();
    if (round >= maxRounds) {
      return;
    }
    try {
      String first = FORMATS.get(round % FORMATS.size());
      String second = FORMATS.get((round + 1) % FORMATS.size());
      long done = create(first, "800x600");
      long broken = create(second, "1024x768");
      if (done > 0) {
        send("PUT", "images/" + done, null, null, 200);
        send("PUT", "images/" + done, JSON, "{\"img_status\":\"Failed\"}", 409);
        send("GET", "images/" + done, null, null, 200);
      }
      if (broken > 0) {
        send("PUT", "images/" + broken, JSON, "{\"img_status\":\"Failed\"}", 200);
      }
      send("GET", "images", null, null, 200);
      for (int i = 0; i < LOGINS_PER_ROUND; i++) {
        send("GET", "login", null, null, 200);
      }
      send("POST", "login", null, null, 200);
      send("GET", "health", null, null, 200);
      send("GET", "images/999999999", null, null, 404);
      send("GET", "no-such-path", null, null, 404);
      send("POST", "images", JSON, "{\"format\":\"XCF\",\"resolution\":\"800x600\"}", 422);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException failed) {
      unexpected.add("round " + round + " failed: " + failed);
    }
  }

  private long create(String format, String resolution) throws IOException, InterruptedException {
    String body = "{\"format\":\"" + format + "\",\"resolution\":\"" + resolution + "\"}";
    String answer = send("POST", "images", JSON, body, 201);
    if (answer == null) {
      return 0;
    }
    long id = mapper.readTree(answer).path("id").asLong();
    if (id <= 0) {
      unexpected.add("POST /images " + body + " answered without an id: " + answer);
    }
    return id;
  }

  /** Sends one request; returns the body, or null after recording an unexpected status. */
  private String send(String method, String path, String contentType, String body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    requests.incrementAndGet();
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      unexpected.add(
          method
              + " /"
              + path
              + (body == null ? "" : " " + body)
              + " answered "
              + response.statusCode()
              + ", expected "
              + expected
              + ": "
              + response.body());
      return null;
    }
    return response.body();
  }

  /** Rounds started so far (capped at the maximum). */
  int rounds() {
    return Math.min(rounds.get(), maxRounds);
  }

  /** Requests sent so far. */
  int requests() {
    return requests.get();
  }

  /** Every answer that differed from the expected status, and every failed round. */
  List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  /** Stops sending; a round in progress is interrupted. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
