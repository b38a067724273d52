package org.example.imageservice.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

  @Test
  void defaultsServeEveryInterfaceOn8080And8081() {
    assertEquals(new Config("0.0.0.0", 8080, 8081, true, true, true), Config.defaults());
  }

  @Test
  void readsEveryVariable() {
    Config config =
        Config.fromEnvironment(
            Map.of(
                "APP_PORT", "9000",
                "METRICS_PORT", "9001",
                "BIND_ADDRESS", "127.0.0.1",
                "SIMULATE_LATENCY", "false",
                "SEED_IMAGES", "FALSE",
                "METRICS_ENABLED", "false"));

    assertEquals(new Config("127.0.0.1", 9000, 9001, false, false, false), config);
  }

  @ParameterizedTest
  @CsvSource({
    "APP_PORT, abc",
    "APP_PORT, 70000",
    "METRICS_PORT, -1",
    "SIMULATE_LATENCY, maybe",
    "SEED_IMAGES, 1",
    "BIND_ADDRESS, not-an-address",
    "BIND_ADDRESS, 127.0.0.1:8080",
    "BIND_ADDRESS, 1:2",
    "BIND_ADDRESS, 999.1.1.1"
  })
  void badValueIsRefusedNamingTheVariable(String variable, String value) {
    ConfigException error =
        assertThrows(ConfigException.class, () -> Config.fromEnvironment(Map.of(variable, value)));

    assertTrue(error.getMessage().startsWith(variable + "='" + value + "'"), error.getMessage());
    assertFalse(error.getMessage().contains("\n"));
  }

  @Test
  void acceptsIpv6Literals() {
    assertEquals("::1", Config.fromEnvironment(Map.of("BIND_ADDRESS", "::1")).bindAddress());
  }

  @Test
  void samePortForBothServersIsRefused() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> Config.fromEnvironment(Map.of("APP_PORT", "9000", "METRICS_PORT", "9000")));

    assertTrue(error.getMessage().contains("APP_PORT and METRICS_PORT"), error.getMessage());
  }
}
