package org.example.imageservice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP observation over real requests to a small Jersey application. */
class HttpMetricsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;
  private URI base;

  @Path("/things")
  public static class Things {
    @GET
    @Path("/{id}")
    public String get(@PathParam("id") String id) {
      if (id.equals("missing")) {
        throw new NotFoundException();
      }
      return id;
    }
  }

  @Path("/login")
  public static class Login {
    @GET
    public String get() {
      return "hello";
    }
  }

  @BeforeEach
  void start() throws Exception {
    ResourceConfig config =
        new ResourceConfig(Things.class, Login.class).register(new HttpMetrics(registry, "/login"));
    server =
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, false);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort());
  }

  @AfterEach
  void stop() {
    server.shutdownNow();
  }

  @Test
  void labelsRequestsWithTheRouteTemplateNotThePath() throws Exception {
    send("GET", "/things/1");
    send("GET", "/things/2");
    send("GET", "/things/missing");

    Exposition metrics = settled();

    assertEquals(
        2,
        metrics.value(
            "myapp_request_duration_seconds_count",
            "method",
            "GET",
            "status",
            "200",
            "route",
            "/things/{id}"));
    assertEquals(
        1,
        metrics.value(
            "myapp_request_duration_seconds_count",
            "method",
            "GET",
            "status",
            "404",
            "route",
            "/things/{id}"));
  }

  @Test
  void unknownPathsAndMethodsShareBoundedLabels() throws Exception {
    for (int i = 0; i < 5; i++) {
      send("GET", "/nothing/here/" + i);
    }
    send("BREW", "/things/1");

    Exposition metrics = settled();

    assertEquals(
        5,
        metrics.value(
            "myapp_request_duration_seconds_count",
            "method",
            "GET",
            "status",
            "404",
            "route",
            "unmatched"));
    assertEquals(2, metrics.seriesCount("myapp_request_duration_seconds_count"), metrics.text());
    assertFalse(metrics.text().contains("BREW"), metrics.text());
  }

  @Test
  void loginRequestsFeedTheSummary() throws Exception {
    send("GET", "/login");
    send("GET", "/login");
    send("GET", "/things/1");

    Exposition metrics = settled();

    assertEquals(2, metrics.value("myapp_login_request_duration_seconds_count"));
    assertEquals(
        true,
        metrics.has("myapp_login_request_duration_seconds", "quantile", "0.99"),
        metrics.text());
  }

  @Test
  void inProgressReturnsToZeroWhenRequestsEnd() throws Exception {
    send("GET", "/things/1");
    send("GET", "/nowhere");

    assertEquals(0, settled().value("myapp_requests_in_progress"));
  }

  /**
   * Metrics are recorded once Jersey has written the answer, which may be just after the client
   * read it, and the in-flight gauge drops after them; one scrape can read that gauge after the
   * others. So: wait until no request is in flight, then scrape again.
   */
  private Exposition settled() throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (Exposition.scrape(registry).value("myapp_requests_in_progress") != 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return Exposition.scrape(registry);
  }

  private void send(String method, String path) throws Exception {
    client.send(
        HttpRequest.newBuilder(base.resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
