package org.example.imageservice.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Observes every request that Jersey serves: its duration by method, status and route, the login
 * duration summary, and the number of requests in flight.
 *
 * <p>Durations run from the moment Jersey starts on a request until its answer is written, so
 * failures, suspended requests and serialisation are all timed. Labels take only bounded values:
 * the route is the matched template, never the raw path, and unusual methods read {@code other}.
 */
public final class HttpMetrics implements ApplicationEventListener {
  /** The original tool's buckets (0.1 to 0.3 s) with finer and coarser ones around them. */
  static final double[] REQUEST_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 1, 2.5, 5
  };

  static final String UNMATCHED = "unmatched";

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private final Histogram duration;
  private final Summary loginDuration;
  private final Gauge inProgress;
  private final String loginRoute;

  /**
   * @param loginRoute the route template whose GET and POST requests also feed the login summary
   */
  public HttpMetrics(PrometheusRegistry registry, String loginRoute) {
    this.loginRoute = loginRoute;
    duration =
        Histogram.builder()
            .name("myapp_request_duration_seconds")
            .help("Duration of API requests, by method, status and route template.")
            .labelNames("method", "status", "route")
            .classicOnly()
            .classicUpperBounds(REQUEST_BUCKETS)
            .withoutExemplars()
            .register(registry);
    loginDuration =
        Summary.builder()
            .name("myapp_login_request_duration_seconds")
            .help("Duration of login requests.")
            .quantile(0.5, 0.05)
            .quantile(0.9, 0.01)
            .quantile(0.99, 0.001)
            .withoutExemplars()
            .register(registry);
    inProgress =
        Gauge.builder()
            .name("myapp_requests_in_progress")
            .help("API requests being served now.")
            .withoutExemplars()
            .register(registry);
  }

  @Override
  public void onEvent(ApplicationEvent event) {}

  @Override
  public RequestEventListener onRequest(RequestEvent start) {
    long started = System.nanoTime();
    inProgress.inc();
    return event -> {
      if (event.getType() == RequestEvent.Type.FINISHED) {
        finished(event, (System.nanoTime() - started) / 1e9);
      }
    };
  }

  private void finished(RequestEvent event, double seconds) {
    try {
      String route = route(event.getUriInfo());
      ContainerResponse response = event.getContainerResponse();
      String status = response == null ? "500" : Integer.toString(response.getStatus());
      String method = method(event.getContainerRequest().getMethod());
      duration.labelValues(method, status, route).observe(seconds);
      if (route.equals(loginRoute) && (method.equals("GET") || method.equals("POST"))) {
        loginDuration.observe(seconds);
      }
    } finally {
      inProgress.dec();
    }
  }

  private static String method(String method) {
    return METHODS.contains(method) ? method : "other";
  }

  /** The matched path template, such as {@code /images/{id}}, or {@code unmatched}. */
  static String route(ExtendedUriInfo uri) {
    List<UriTemplate> templates = uri.getMatchedTemplates();
    if (templates.isEmpty()) {
      return UNMATCHED;
    }
    StringBuilder route = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      route.append(templates.get(i).getTemplate());
    }
    return route.toString();
  }
}
