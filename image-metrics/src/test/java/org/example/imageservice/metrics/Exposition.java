package org.example.imageservice.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The registry written in the Prometheus text format and parsed back, as a scraper sees it. */
final class Exposition {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String text;
  private final Map<String, Double> samples = new HashMap<>();

  private Exposition(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new IllegalStateException("not a sample line: " + line);
      }
      Map<String, String> labels = new TreeMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.put(key(sample.group(1), labels), Double.parseDouble(sample.group(3)));
    }
  }

  static Exposition scrape(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new Exposition(out.toString(StandardCharsets.UTF_8));
  }

  static Exposition parse(String text) {
    return new Exposition(text);
  }

  /** The value of a sample; labels are given as name, value pairs. Fails if it is absent. */
  double value(String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    Double value = samples.get(key(name, wanted));
    if (value == null) {
      throw new AssertionError("no sample " + key(name, wanted) + " in:\n" + text);
    }
    return value;
  }

  boolean has(String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.containsKey(key(name, wanted));
  }

  /** The number of samples whose name is {@code name}, whatever their labels. */
  long seriesCount(String name) {
    return samples.keySet().stream().filter(key -> key.startsWith(name + "{")).count();
  }

  String text() {
    return text;
  }

  private static String key(String name, Map<String, String> labels) {
    return name + labels;
  }
}
