package org.example.imageservice.app;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the service runs, read from environment variables with embedded defaults.
 *
 * @param bindAddress the IP address both servers listen on
 * @param appPort the API port; 0 picks a free one
 * @param metricsPort the /metrics port; 0 picks a free one
 * @param simulateLatency whether list, change and login answers are delayed at random
 * @param seedImages whether the store starts with two example images
 * @param metricsEnabled whether the service is instrumented and /metrics is served
 */
public record Config(
    String bindAddress,
    int appPort,
    int metricsPort,
    boolean simulateLatency,
    boolean seedImages,
    boolean metricsEnabled) {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public Config {
    if (appPort != 0 && appPort == metricsPort) {
      throw new ConfigException(
          "APP_PORT and METRICS_PORT are both " + appPort + "; give them different ports.");
    }
  }

  /** Local defaults: API on 8080, metrics on 8081, on every interface, latency and seeds on. */
  public static Config defaults() {
    return fromEnvironment(Map.of());
  }

  /**
   * Reads APP_PORT, METRICS_PORT, BIND_ADDRESS, SIMULATE_LATENCY, SEED_IMAGES and METRICS_ENABLED.
   *
   * @throws ConfigException naming the first variable whose value is not acceptable
   */
  public static Config fromEnvironment(Map<String, String> env) {
    return new Config(
        address(env, "BIND_ADDRESS", "0.0.0.0"),
        port(env, "APP_PORT", 8080),
        port(env, "METRICS_PORT", 8081),
        flag(env, "SIMULATE_LATENCY", true),
        flag(env, "SEED_IMAGES", true),
        flag(env, "METRICS_ENABLED", true));
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String text = value(env, name);
    if (text == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the accepted range
    }
    throw new ConfigException(
        name + "='" + text + "' is not a port; use a number from 1 to 65535 (0 picks a free one).");
  }

  private static boolean flag(Map<String, String> env, String name, boolean fallback) {
    String text = value(env, name);
    if (text == null) {
      return fallback;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(name + "='" + text + "' must be true or false.");
    };
  }

  /** A text with a colon is read as an IPv6 literal only, so this never asks a name server. */
  private static boolean isIpv6Literal(String text) {
    if (!IPV6.matcher(text).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(text) instanceof Inet6Address;
    } catch (UnknownHostException notALiteral) {
      return false;
    }
  }

  private static String address(Map<String, String> env, String name, String fallback) {
    String text = value(env, name);
    if (text == null) {
      return fallback;
    }
    if (IPV4.matcher(text).matches() || text.equals("localhost") || isIpv6Literal(text)) {
      return text;
    }
    throw new ConfigException(
        name + "='" + text + "' is not an IP address; use e.g. 0.0.0.0 or 127.0.0.1.");
  }
}
