package org.example.imageservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The real wiring on ephemeral loopback ports, used the way the README walks through it. */
class EndToEndTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void createProcessScrapeAndLogin() throws Exception {
    try (ImageServiceApp app = ImageServiceApp.start(local(false, true))) {
      HttpResponse<String> created =
          send(
              app.apiUri(),
              "POST",
              "images",
              "{\"id\": 3, \"format\": \"png\"," + " \"resolution\": \"800x600\"}");
      HttpResponse<String> processed = send(app.apiUri(), "PUT", "images/3", null);
      HttpResponse<String> list = send(app.apiUri(), "GET", "images", null);
      HttpResponse<String> login = send(app.apiUri(), "GET", "login", null);
      String metrics = scrapeSettled(app.metricsUri());

      assertEquals(201, created.statusCode(), created.body());
      assertTrue(processed.body().contains("\"img_status\":\"Processed\""), processed.body());
      assertTrue(list.body().startsWith("[{\"id\":1,") && list.body().contains("\"id\":3"));
      assertEquals("Welcome to the image processing app!", login.body());
      assertTrue(metrics.contains("\nmyapp_processing_images 2.0\n"), metrics);
      assertTrue(metrics.contains("\nmyapp_processed_images 1.0\n"), metrics);
      assertTrue(metrics.contains("\nmyapp_failed_images 0.0\n"), metrics);
      assertTrue(metrics.contains("myapp_images_created_total{format=\"PNG\"} 2.0\n"), metrics);
      assertTrue(
          metrics.contains(
              "myapp_images_processed_total{format=\"PNG\",outcome=\"processed\"} 1.0\n"),
          metrics);
      assertTrue(
          metrics.contains(
              "myapp_request_duration_seconds_count{method=\"PUT\",route=\"/images/{id}\","
                  + "status=\"200\"} 1\n"),
          metrics);
      assertTrue(metrics.contains("\nmyapp_login_request_duration_seconds_count 1\n"), metrics);
      assertTrue(metrics.contains("myapp_info{version=\"" + ImageServiceApp.VERSION + "\"} 1"));
      assertTrue(metrics.contains("\njvm_threads_current "), "JVM metrics are exported");
    }
  }

  @Test
  void metricsPortServesOnlyMetrics() throws Exception {
    try (ImageServiceApp app = ImageServiceApp.start(local(false, true))) {
      assertEquals(200, send(app.metricsUri(), "GET", "/metrics", null).statusCode());
      assertEquals(404, send(app.metricsUri(), "GET", "/", null).statusCode());
      assertEquals(404, send(app.metricsUri(), "GET", "/metrics/more", null).statusCode());
    }
  }

  @Test
  void unreadableRequestLineGetsProblemWithoutStackTrace() throws Exception {
    try (ImageServiceApp app = ImageServiceApp.start(local(false, true));
        Socket socket = new Socket(app.apiUri().getHost(), app.apiUri().getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /images/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));

      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
      assertTrue(answer.contains("application/problem+json"), answer);
      assertFalse(answer.contains("Exception"), answer);
    }
  }

  @Test
  void metricsCanBeSwitchedOff() throws Exception {
    try (ImageServiceApp app = ImageServiceApp.start(local(false, false))) {
      assertNull(app.metricsUri());
      assertEquals(200, send(app.apiUri(), "GET", "login", null).statusCode());
    }
  }

  @Test
  void stopLetsDelayedRequestsFinish() throws Exception {
    ImageServiceApp app = ImageServiceApp.start(new Config("127.0.0.1", 0, 0, true, true, true));
    CompletableFuture<HttpResponse<String>> change =
        CLIENT.sendAsync(
            HttpRequest.newBuilder(app.apiUri().resolve("images/1"))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(100);

    boolean clean = app.stop(Duration.ofSeconds(5));

    assertTrue(clean);
    assertEquals(200, change.get().statusCode());
  }

  @Test
  void stopWithoutGraceReturnsAtOnceWhenIdle() throws Exception {
    ImageServiceApp app = ImageServiceApp.start(local(false, true));

    assertTrue(app.stop(Duration.ZERO));
    assertThrows(
        java.io.IOException.class, () -> send(app.apiUri(), "GET", "health", null).statusCode());
  }

  @Test
  void portInUseStopsStartUpNamingTheVariable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Config config = new Config("127.0.0.1", taken.getLocalPort(), 0, false, false, true);

      ConfigException error =
          assertThrows(ConfigException.class, () -> ImageServiceApp.start(config));

      assertTrue(
          error.getMessage().startsWith("APP_PORT=" + taken.getLocalPort() + ": cannot listen"),
          error.getMessage());
    }
  }

  private static Config local(boolean latency, boolean metrics) {
    return new Config("127.0.0.1", 0, 0, latency, true, metrics);
  }

  private static HttpResponse<String> send(URI base, String method, String path, String json)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
      request.header("Content-Type", "application/json");
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Request metrics land once Jersey has written the answer, and the in-flight gauge drops after
   * them; one scrape can read that gauge after the others. So: wait for 0, then scrape again.
   */
  private static String scrapeSettled(URI metrics) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!scrape(metrics).contains("\nmyapp_requests_in_progress 0.0\n")
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return scrape(metrics);
  }

  private static String scrape(URI metrics) throws Exception {
    return CLIENT
        .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
