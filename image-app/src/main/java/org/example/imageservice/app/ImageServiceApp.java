package org.example.imageservice.app;

import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.example.imageservice.api.ImageApi;
import org.example.imageservice.api.SimulatedLatency;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.InMemoryImageRepository;
import org.example.imageservice.domain.RepositoryImageService;
import org.example.imageservice.domain.Resolution;
import org.example.imageservice.metrics.HttpMetrics;
import org.example.imageservice.metrics.InstrumentedImageService;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.ServletRegistration;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/** The running service: the API on one Grizzly server and /metrics on another. */
public final class ImageServiceApp implements AutoCloseable {
  /** The version of this build, from the Maven project. */
  public static final String VERSION = readVersion();

  /** Worker threads per server; see {@link #configure}. */
  static final int WORKER_THREADS = 64;

  /** How long a request body may stall before the request is answered 408. */
  static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(ImageServiceApp.class.getName());

  private final ImageService images;
  private final SimulatedLatency latency;
  private final HttpServer api;
  private final HttpServer metrics;
  private final URI apiUri;
  private final URI metricsUri;

  private ImageServiceApp(
      ImageService images, SimulatedLatency latency, HttpServer api, HttpServer metrics) {
    this.images = images;
    this.latency = latency;
    this.api = api;
    this.metrics = metrics;
    this.apiUri = uri(api, "/");
    this.metricsUri = metrics == null ? null : uri(metrics, "/metrics");
  }

  /**
   * Builds the service as {@code config} says and starts listening.
   *
   * @throws ConfigException when a port cannot be listened on, naming its variable
   */
  public static ImageServiceApp start(Config config) {
    PrometheusRegistry registry = new PrometheusRegistry();
    ImageService images = new RepositoryImageService(new InMemoryImageRepository());
    if (config.metricsEnabled()) {
      images = new InstrumentedImageService(images, registry);
      JvmMetrics.builder().register(registry);
      Info.builder()
          .name("myapp_info")
          .help("Build of the image service; the value is always 1.")
          .labelNames("version")
          .register(registry)
          .addLabelValues(VERSION);
    }
    if (config.seedImages()) {
      images.create(1, ImageFormat.JPEG, new Resolution(1920, 1080));
      images.create(2, ImageFormat.PNG, new Resolution(1280, 720));
    }
    SimulatedLatency latency =
        config.simulateLatency() ? SimulatedLatency.random() : SimulatedLatency.none();
    ImageApi resources = new ImageApi(images, latency);
    if (config.metricsEnabled()) {
      resources.register(new HttpMetrics(registry, "/login"));
    }

    HttpServer api =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://" + host(config.bindAddress()) + ":" + config.appPort() + "/"),
            resources,
            false);
    configure(api.getListeners().iterator().next());
    listen(api, "APP_PORT", config);
    HttpServer metrics = null;
    if (config.metricsEnabled()) {
      metrics = metricsServer(registry, config);
      try {
        listen(metrics, "METRICS_PORT", config);
      } catch (ConfigException failed) {
        api.shutdownNow();
        throw failed;
      }
    }
    return new ImageServiceApp(images, latency, api, metrics);
  }

  private static HttpServer metricsServer(PrometheusRegistry registry, Config config) {
    HttpServer server = new HttpServer();
    NetworkListener listener =
        new NetworkListener("metrics", config.bindAddress(), config.metricsPort());
    configure(listener);
    server.addListener(listener);
    WebappContext context = new WebappContext("metrics", "");
    ServletRegistration servlet =
        context.addServlet("prometheus", new PrometheusMetricsServlet(registry));
    servlet.addMapping("/metrics");
    // Without a default servlet Grizzly hands every path to the only one it has.
    context.addServlet("not-found", new NotFoundServlet()).addMapping("/");
    context.deploy(server);
    return server;
  }

  /**
   * Room for slow clients: a request whose body trickles in holds a worker thread while it is read,
   * so the pool is larger than Grizzly's default of two per core, and a body that stalls is given
   * up on after a bounded time. Errors that Grizzly answers itself carry no stack trace. Public so
   * that a benchmark can give a bare Grizzly server the same listener settings.
   */
  public static void configure(NetworkListener listener) {
    listener
        .getTransport()
        .setWorkerThreadPoolConfig(
            ThreadPoolConfig.defaultConfig()
                .setPoolName("http-worker")
                .setCorePoolSize(WORKER_THREADS)
                .setMaxPoolSize(WORKER_THREADS));
    listener.getTransport().setReadTimeout(BODY_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    listener.setDefaultErrorPageGenerator(new ProblemErrorPage());
  }

  private static void listen(HttpServer server, String variable, Config config) {
    try {
      server.start();
    } catch (IOException failed) {
      int port = variable.equals("APP_PORT") ? config.appPort() : config.metricsPort();
      throw new ConfigException(
          variable
              + "="
              + port
              + ": cannot listen on "
              + config.bindAddress()
              + ":"
              + port
              + " ("
              + failed.getMessage()
              + "); free the port or choose another.",
          failed);
    }
  }

  /** The service behind the API, as wired (instrumented when metrics are enabled). */
  public ImageService images() {
    return images;
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:8080/}. */
  public URI apiUri() {
    return apiUri;
  }

  /** Where metrics are served, or null when metrics are disabled. */
  public URI metricsUri() {
    return metricsUri;
  }

  /**
   * Stops taking connections, lets requests in flight (delayed ones included) finish for up to
   * {@code grace}, then stops.
   *
   * @return whether every request finished within the grace period
   */
  public boolean stop(Duration grace) {
    boolean clean = true;
    long started = System.nanoTime();
    try {
      if (grace.isZero() || grace.isNegative()) {
        // Grizzly reads a grace period of 0 as "wait for ever"; no grace means stop now.
        api.shutdownNow();
      } else {
        api.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS)
            .get(grace.toMillis() + 1000, TimeUnit.MILLISECONDS);
        // Grizzly completes the same future when the grace period runs out and it cuts requests.
        clean = System.nanoTime() - started < grace.toNanos();
      }
    } catch (ExecutionException | TimeoutException failed) {
      clean = false;
      api.shutdownNow();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      clean = false;
      api.shutdownNow();
    }
    latency.close();
    if (metrics != null) {
      metrics.shutdownNow();
    }
    if (!clean) {
      LOG.warning("Requests were still running after " + grace.toSeconds() + " s; cut them off.");
    }
    return clean;
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }

  private static URI uri(HttpServer server, String path) {
    NetworkListener listener = server.getListeners().iterator().next();
    String host = listener.getHost().replace("[", "").replace("]", "");
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
      host = "localhost";
    }
    return URI.create("http://" + host(host) + ":" + listener.getPort() + path);
  }

  private static String host(String address) {
    return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
  }

  private static String readVersion() {
    Properties build = new Properties();
    try (InputStream in = ImageServiceApp.class.getResourceAsStream("/image-app.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return build.getProperty("version", "unknown");
  }
}
