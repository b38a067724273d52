package org.example.imageservice.app;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Starts the image service from environment variables and runs it until the JVM is stopped. */
public final class ImageServiceMain {
  /** How long requests in flight may take to finish once a stop is asked for. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  static {
    // Must run before the first logger exists: keeps logging alive during shutdown hooks.
    System.setProperty("java.util.logging.manager", ShutdownFriendlyLogManager.class.getName());
    configureLogging();
  }

  private static final Logger LOG = Logger.getLogger(ImageServiceMain.class.getName());

  private ImageServiceMain() {}

  public static void main(String[] args) throws InterruptedException {
    ImageServiceApp app;
    try {
      Config config = Config.fromEnvironment(System.getenv());
      app = ImageServiceApp.start(config);
      LOG.info(
          String.format(
              "image-service %s started: API %s, metrics %s (simulated latency %s, %s)",
              ImageServiceApp.VERSION,
              app.apiUri(),
              app.metricsUri() == null ? "disabled" : app.metricsUri(),
              config.simulateLatency() ? "on" : "off",
              config.seedImages() ? "2 seed images" : "no seed images"));
    } catch (ConfigException | IllegalArgumentException invalid) {
      LOG.severe("Cannot start: " + invalid.getMessage());
      ShutdownFriendlyLogManager.resetNow();
      System.exit(2);
      return;
    }

    ImageServiceApp running = app;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info(
                      "Stopping: no new connections; waiting up to "
                          + SHUTDOWN_GRACE.toSeconds()
                          + " s for requests in flight.");
                  boolean clean = running.stop(SHUTDOWN_GRACE);
                  LOG.info(clean ? "Stopped cleanly." : "Stopped.");
                  ShutdownFriendlyLogManager.resetNow();
                },
                "image-service-shutdown"));
    new CountDownLatch(1).await();
  }

  private static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = ImageServiceMain.class.getResourceAsStream("/logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException unreadable) {
      throw new IllegalStateException("logging.properties in the jar cannot be read", unreadable);
    }
  }

  /**
   * A log manager that ignores the JDK's reset at shutdown, so that the lines our own shutdown hook
   * writes are not lost; the hook resets it when done.
   */
  public static final class ShutdownFriendlyLogManager extends LogManager {
    private static volatile boolean resetAllowed;

    @Override
    public void reset() {
      if (resetAllowed) {
        super.reset();
      }
    }

    static void resetNow() {
      LogManager manager = LogManager.getLogManager();
      if (manager instanceof ShutdownFriendlyLogManager) {
        resetAllowed = true;
        manager.reset();
      }
    }
  }
}
