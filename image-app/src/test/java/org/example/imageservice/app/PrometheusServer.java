package org.example.imageservice.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** A real {@code prometheus} process on a free loopback port, with a client for its HTTP API. */
final class PrometheusServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PrometheusServer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;
  private static final int TAIL_LINES = 40;

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient http;

  private PrometheusServer(Process process, Path log, URI base, HttpClient http) {
    this.process = process;
    this.log = log;
    this.base = base;
    this.http = http;
  }

  /** An answer of the HTTP API: its status code, raw body and the body parsed as JSON. */
  record Answer(int statusCode, String body, JsonNode json) {}

  /**
   * Starts {@code binary} with {@code config}, keeping its data and output under {@code workDir},
   * and waits until it reports ready; a port taken in between is retried on another one.
   */
  static PrometheusServer start(Path binary, Path config, Path workDir, HttpClient http)
      throws IOException, InterruptedException {
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freeLoopbackPort();
      Path log = workDir.resolve("prometheus-" + attempt + ".log");
      Process process =
          new ProcessBuilder(
                  List.of(
                      binary.toString(),
                      "--config.file=" + config,
                      "--storage.tsdb.path=" + workDir.resolve("data-" + attempt),
                      "--web.listen-address=127.0.0.1:" + port,
                      "--log.level=info"))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      PrometheusServer server =
          new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port), http);
      try {
        server.awaitReady();
        return server;
      } catch (IllegalStateException | IOException | InterruptedException failed) {
        server.stopProcess();
        if (failed instanceof InterruptedException interrupted) {
          throw interrupted;
        }
        String tail = server.tail();
        server.logTail("prometheus start attempt " + attempt + " failed: " + failed.getMessage());
        last =
            new IllegalStateException(failed.getMessage() + "; its output ends:\n" + tail, failed);
        if (!tail.contains("address already in use")) {
          break;
        }
      }
    }
    throw last;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "prometheus exited with " + process.exitValue() + " before it was ready");
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // still starting: retried until the deadline
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "prometheus was not ready within " + READY_TIMEOUT.toSeconds() + " s");
  }

  /** Where the HTTP API answers, e.g. {@code http://127.0.0.1:9090}. */
  URI base() {
    return base;
  }

  /** Evaluates {@code promql} at the current time through {@code /api/v1/query}. */
  Answer query(String promql) throws IOException, InterruptedException {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  /** A GET of {@code pathAndQuery} (already encoded), its body parsed as JSON when it is JSON. */
  Answer get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("application/json")) {
      json = JSON.readTree(response.body());
    }
    return new Answer(response.statusCode(), response.body(), json);
  }

  /** The last lines Prometheus printed, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException unreadable) {
      return "(cannot read " + log + ": " + unreadable.getMessage() + ")";
    }
  }

  /** Logs the tail of Prometheus' output as a warning, saying why. */
  void logTail(String why) {
    LOG.warning(why + "; last lines of " + log + ":\n" + tail());
  }

  /** Stops the process by its handle: SIGTERM, then a forced kill if it lingers. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      logTail("prometheus had exited with " + process.exitValue() + " before it was stopped");
      return;
    }
    try {
      stopProcess();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    if (process.isAlive()) {
      logTail("prometheus (pid " + process.pid() + ") did not stop");
    } else if (process.exitValue() != 0) {
      logTail("prometheus exited with " + process.exitValue() + " when stopped");
    }
  }

  private void stopProcess() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
