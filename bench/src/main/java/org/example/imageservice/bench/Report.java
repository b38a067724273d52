package org.example.imageservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Turns the raw measurements of one run (bench/results/TIMESTAMP/raw) into results.md and
 * results.json beside it, with each target marked met or missed.
 */
public final class Report {
  /** How many times the fastest median the slowest may take and still count as flat. */
  static final double FLAT_RATIO = 1.5;

  private static final Logger LOG = Logger.getLogger(Report.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOGIN = "GET /login";

  private final Path dir;
  private final Properties machine = new Properties();
  private final List<JsonNode> loads = new ArrayList<>();
  private final ObjectNode out = JSON.createObjectNode();
  private final ArrayNode targets = JSON.createArrayNode();
  private final StringBuilder md = new StringBuilder();

  private Report(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes the report.
   *
   * @param args the run's directory, which holds raw/
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: Report RESULTS_DIR");
    }
    new Report(Path.of(args[0])).write();
  }

  private void write() throws IOException {
    Path raw = dir.resolve("raw");
    try (Reader in = Files.newBufferedReader(raw.resolve("machine.properties"))) {
      machine.load(in);
    }
    for (String line : Files.readAllLines(raw.resolve("loads.jsonl"))) {
      if (!line.isBlank()) {
        loads.add(JSON.readTree(line));
      }
    }
    JsonNode scale = JSON.readTree(raw.resolve("scale.json").toFile());
    JsonNode jmh = JSON.readTree(raw.resolve("jmh.json").toFile());

    out.put("run", machine.getProperty("run", dir.getFileName().toString()));
    String machineTable = machineSection();
    StringBuilder sections = new StringBuilder();
    sections.append(instrumentation());
    sections.append(framework());
    sections.append(scrape(scale));
    sections.append(scale(scale));
    sections.append(decorator(jmh));

    md.append("# Benchmark results, run ").append(out.get("run").asText()).append("\n\n");
    md.append(machineTable);
    md.append(targetSection());
    md.append(sections);
    out.set("targets", targets);
    ArrayNode runs = out.putArray("load_runs");
    loads.forEach(runs::add);

    Files.writeString(dir.resolve("results.md"), md.toString(), StandardCharsets.UTF_8);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("results.json").toFile(), out);
    LOG.info("report written to " + dir.resolve("results.md"));
  }

  private String machineSection() {
    ObjectNode node = out.putObject("machine");
    StringBuilder s = new StringBuilder("## Machine and settings\n\n| item | value |\n|---|---|\n");
    String[][] rows = {
      {"commit", "commit measured"},
      {"nproc", "nproc"},
      {"load_at_start", "load average at start"},
      {"mem_total_gb", "memory total (`free -g`, GiB)"},
      {"cpu_model", "CPU model (/proc/cpuinfo)"},
      {"java_version", "`java -version`"},
      {"load_tool", "load generator"},
      {"runs", "load runs"},
      {"server_jvm", "server JVM options"},
      {"bare_server", "bare Grizzly server"},
      {"server_output", "server output (one log line per request)"},
      {"scale_jvm", "scrape and scale JVM options"},
      {"jmh_options", "JMH options"},
    };
    for (String[] row : rows) {
      String value = machine.getProperty(row[0], "?");
      node.put(row[0], value);
      s.append("| ").append(row[1]).append(" | ").append(value).append(" |\n");
    }
    return s.append('\n').toString();
  }

  private String targetSection() {
    StringBuilder s =
        new StringBuilder("## Targets\n\n| target | measured | status |\n|---|---|---|\n");
    for (JsonNode target : targets) {
      s.append("| ")
          .append(target.get("target").asText())
          .append(" | ")
          .append(target.get("measured").asText())
          .append(" | ")
          .append(target.get("met").asBoolean() ? "met" : "**missed**")
          .append(" |\n");
    }
    return s.append('\n').toString();
  }

  private void target(String name, String measured, boolean met) {
    ObjectNode target = targets.addObject();
    target.put("target", name);
    target.put("measured", measured);
    target.put("met", met);
  }

  /** Rounds with a number of at least 1; round 0 is the warm-up. */
  private List<JsonNode> rounds(String endpoint, String server) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode load : loads) {
      if (load.get("endpoint").asText().equals(endpoint)
          && load.get("server").asText().equals(server)
          && load.get("round").asInt() > 0) {
        found.add(load);
      }
    }
    return found;
  }

  private static double rps(JsonNode load) {
    return load.get("requests").asDouble() / (load.get("duration_us").asDouble() / 1e6);
  }

  private static double ms(JsonNode load, String field) {
    return load.get(field).asDouble() / 1000;
  }

  private static double errors(List<JsonNode> runs) {
    double sum = 0;
    for (JsonNode run : runs) {
      sum += run.get("status_errors").asDouble() + run.get("socket_errors").asDouble();
    }
    return sum;
  }

  /** Median requests/s, p50 and p99 of one server's timed rounds on one endpoint. */
  private ObjectNode summary(String endpoint, String server) {
    List<JsonNode> runs = rounds(endpoint, server);
    if (runs.isEmpty()) {
      throw new IllegalStateException("no timed runs of " + endpoint + " on " + server);
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("runs", runs.size());
    node.put("rps_median", Stats.median(runs.stream().map(Report::rps).toList()));
    node.put("p50_ms_median", Stats.median(runs.stream().map(r -> ms(r, "p50_us")).toList()));
    node.put("p99_ms_median", Stats.median(runs.stream().map(r -> ms(r, "p99_us")).toList()));
    ArrayNode each = node.putArray("rps_each");
    runs.forEach(r -> each.add(Math.round(rps(r))));
    ArrayNode p99s = node.putArray("p99_ms_each");
    runs.forEach(r -> p99s.add(ms(r, "p99_us")));
    node.put("errors", errors(runs));
    return node;
  }

  /** Per-round ratios of {@code a} to {@code b}, rounds matched by number. */
  private List<Double> ratios(String endpoint, String a, String b) {
    Map<Integer, Double> first = new LinkedHashMap<>();
    rounds(endpoint, a).forEach(r -> first.put(r.get("round").asInt(), rps(r)));
    List<Double> ratios = new ArrayList<>();
    for (JsonNode r : rounds(endpoint, b)) {
      Double mine = first.get(r.get("round").asInt());
      if (mine != null) {
        ratios.add(mine / rps(r));
      }
    }
    return ratios;
  }

  private String instrumentation() {
    ArrayNode node = out.putArray("instrumentation");
    StringBuilder s =
        new StringBuilder(
            "## 1. Instrumentation overhead: metrics on vs off\n\n"
                + "Same jar, two JVMs, one run of each per round, alternating, the order flipping"
                + " every round (on, off, then off, on, ...). on/off is the median of the per-round"
                + " ratios; req/s and latencies are medians over the rounds.\n\n"
                + "| endpoint | on req/s | off req/s | on/off (median) | per-round ratios |"
                + " on p50 ms | off p50 ms | on p99 ms | off p99 ms | errors |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
    List<String> endpoints = new ArrayList<>();
    loads.forEach(
        l -> {
          String endpoint = l.get("endpoint").asText();
          if (!l.get("server").asText().equals("bare") && !endpoints.contains(endpoint)) {
            endpoints.add(endpoint);
          }
        });
    for (String endpoint : endpoints) {
      ObjectNode on = summary(endpoint, "on");
      ObjectNode off = summary(endpoint, "off");
      List<Double> ratios = ratios(endpoint, "on", "off");
      double ratio = Stats.median(ratios);
      ObjectNode row = node.addObject();
      row.put("endpoint", endpoint);
      row.put("load", machine.getProperty(loadKey(endpoint), ""));
      row.set("on", on);
      row.set("off", off);
      row.put("ratio_median", ratio);
      ArrayNode each = row.putArray("ratios");
      ratios.forEach(each::add);
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.3f | %s | %.2f | %.2f | %.2f | %.2f | %.0f |%n",
              endpoint,
              on.get("rps_median").asDouble(),
              off.get("rps_median").asDouble(),
              ratio,
              join(ratios),
              on.get("p50_ms_median").asDouble(),
              off.get("p50_ms_median").asDouble(),
              on.get("p99_ms_median").asDouble(),
              off.get("p99_ms_median").asDouble(),
              on.get("errors").asDouble() + off.get("errors").asDouble()));
      target(
          "instrumented ≥ 95% of uninstrumented throughput: " + endpoint,
          String.format(Locale.ROOT, "%.1f%%", ratio * 100),
          ratio >= 0.95);
    }
    s.append('\n');
    for (String endpoint : endpoints) {
      String load = machine.getProperty(loadKey(endpoint));
      if (load != null) {
        s.append("- ").append(endpoint).append(": ").append(load).append('\n');
      }
    }
    return s.append('\n').toString();
  }

  private String framework() {
    ObjectNode bare = summary(LOGIN, "bare");
    ObjectNode on = summary(LOGIN, "on");
    ObjectNode off = summary(LOGIN, "off");
    List<Double> ratios = ratios(LOGIN, "on", "bare");
    double fraction = Stats.median(ratios);
    double p99On = on.get("p99_ms_median").asDouble();
    double p99Off = off.get("p99_ms_median").asDouble();
    ObjectNode node = out.putObject("framework");
    node.set("bare", bare);
    node.set("on", on);
    node.set("off", off);
    node.put("on_over_bare_median", fraction);
    ArrayNode each = node.putArray("ratios");
    ratios.forEach(each::add);

    StringBuilder s =
        new StringBuilder(
            "## 2. Framework cost: GET /login against a bare Grizzly HttpHandler\n\n"
                + "The bare server (own JVM, same JVM options) answers the same text as"
                + " text/plain; it ran in the same rounds as the two services (last in odd"
                + " rounds, first in even ones).\n\n"
                + "| server | req/s (median) | p50 ms | p99 ms | errors |\n"
                + "|---|---|---|---|---|\n");
    s.append(row("bare Grizzly HttpHandler", bare));
    s.append(row("service, metrics on", on));
    s.append(row("service, metrics off", off));
    s.append(
        String.format(
            Locale.ROOT,
            "%nService (metrics on) / bare Grizzly: **%.1f%%** (median of rounds: %s).%n%n",
            fraction * 100,
            join(ratios)));
    List<Long> bareEach = new ArrayList<>();
    bare.get("rps_each").forEach(r -> bareEach.add(r.asLong()));
    double noise = (double) Collections.max(bareEach) / Collections.min(bareEach);
    node.put("bare_max_over_min", noise);
    s.append(
        String.format(
            Locale.ROOT,
            "Machine noise: the bare server's req/s, the same code every round, ranged %.2f× from"
                + " its slowest round to its fastest (%,d to %,d).%n%n",
            noise,
            Collections.min(bareEach),
            Collections.max(bareEach)));
    target(
        "/login (metrics on) ≥ 60% of bare Grizzly throughput",
        String.format(Locale.ROOT, "%.1f%%", fraction * 100), fraction >= 0.60);
    target(
        "/login p99 (metrics on) no worse than uninstrumented",
        String.format(Locale.ROOT, "%.2f ms vs %.2f ms", p99On, p99Off),
        p99On <= p99Off);
    return s.toString();
  }

  private static String row(String name, ObjectNode summary) {
    return String.format(
        Locale.ROOT,
        "| %s | %.0f | %.2f | %.2f | %.0f |%n",
        name,
        summary.get("rps_median").asDouble(),
        summary.get("p50_ms_median").asDouble(),
        summary.get("p99_ms_median").asDouble(),
        summary.get("errors").asDouble());
  }

  private String scrape(JsonNode scale) {
    JsonNode levels = scale.get("scrape");
    out.set("scrape", levels);
    StringBuilder s =
        new StringBuilder(
            "## 3. Scrape cost: one GET /metrics over HTTP/1.1, in process\n\n"
                + "| images stored | scrapes | median ms | p99 ms | max ms | exposition bytes |\n"
                + "|---|---|---|---|---|---|\n");
    double worstMedian = 0;
    double worstP99 = 0;
    List<Double> medians = new ArrayList<>();
    for (JsonNode level : levels) {
      double median = level.get("median_ms").asDouble();
      medians.add(median);
      worstMedian = Math.max(worstMedian, median);
      worstP99 = Math.max(worstP99, level.get("p99_ms").asDouble());
      s.append(
          String.format(
              Locale.ROOT,
              "| %,d | %d | %.3f | %.3f | %.3f | %,d |%n",
              level.get("images").asLong(),
              level.get("samples").asInt(),
              median,
              level.get("p99_ms").asDouble(),
              level.get("max_ms").asDouble(),
              level.get("bytes").asLong()));
    }
    double growth = Collections.max(medians) / medians.get(0);
    target(
        "scrape < 5 ms (median at every size)",
        String.format(
            Locale.ROOT, "worst median %.3f ms, worst p99 %.3f ms", worstMedian, worstP99),
        worstMedian < 5);
    target(
        "scrape flat from 0 to "
            + String.format(Locale.ROOT, "%,d", scale.get("images").asLong())
            + " images (slowest median ≤ "
            + FLAT_RATIO
            + "× the median with 0 images)",
        String.format(Locale.ROOT, "%.2f×", growth),
        growth <= FLAT_RATIO);
    return s.append('\n').toString();
  }

  private String scale(JsonNode scale) {
    JsonNode heap = scale.get("heap");
    JsonNode load = scale.get("load");
    JsonNode pages = scale.get("pagination");
    ObjectNode node = out.putObject("scale");
    node.set("load", load);
    node.set("heap", heap);
    node.set("pagination", pages);
    node.put("max_heap_bytes", scale.get("max_heap_bytes").asLong());
    node.put("jvm_args", scale.get("jvm_args").asText());
    double perImage = heap.get("per_image_bytes").asDouble();

    StringBuilder s =
        new StringBuilder(
            "## 4. Scale: images stored in process through the service (metrics on)\n\n"
                + "| item | value |\n|---|---|\n");
    s.append(
        String.format(
            Locale.ROOT,
            "| images created | %,d in %.2f s (%,.0f per second, plain loop over"
                + " `app.images().create`) |%n",
            load.get("images").asLong() + scale.get("load_small").get("images").asLong(),
            load.get("seconds").asDouble() + scale.get("load_small").get("seconds").asDouble(),
            load.get("per_second").asDouble()));
    s.append(
        String.format(
            Locale.ROOT,
            "| used heap after full GCs | %.1f MiB empty, %.1f MiB with %,d images |%n",
            heap.get("before_bytes").asDouble() / 1048576,
            heap.get("after_bytes").asDouble() / 1048576,
            heap.get("images_added").asLong()));
    s.append(String.format(Locale.ROOT, "| heap per image | **%.1f bytes** |%n", perImage));
    s.append(
        String.format(
            Locale.ROOT,
            "| JVM | max heap %.0f MiB (`%s`) |%n%n",
            scale.get("max_heap_bytes").asDouble() / 1048576,
            heapOptions(scale.get("jvm_args").asText())));
    s.append(
        "Pagination, `GET /images?limit=100&after=X` over HTTP/1.1, positions read in turn:\n\n"
            + "| position | after | calls | median ms | p99 ms |\n|---|---|---|---|---|\n");
    List<Double> medians = new ArrayList<>();
    for (JsonNode page : pages) {
      medians.add(page.get("median_ms").asDouble());
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %d | %.3f | %.3f |%n",
              page.get("position").asText(),
              page.get("after").asLong(),
              page.get("samples").asInt(),
              page.get("median_ms").asDouble(),
              page.get("p99_ms").asDouble()));
    }
    double spread = spread(medians);
    target(
        "< 200 bytes of heap per image",
        String.format(Locale.ROOT, "%.1f bytes", perImage),
        perImage < 200);
    target(
        "pagination flat at start, middle and end (slowest/fastest median ≤ " + FLAT_RATIO + ")",
        String.format(Locale.ROOT, "%.2f×", spread),
        spread <= FLAT_RATIO);
    return s.append('\n').toString();
  }

  private String decorator(JsonNode jmh) {
    Map<String, Map<String, JsonNode>> byOperation = new LinkedHashMap<>();
    for (JsonNode result : jmh) {
      String benchmark = result.get("benchmark").asText();
      String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String service = result.get("params").get("service").asText();
      byOperation.computeIfAbsent(operation, k -> new LinkedHashMap<>()).put(service, result);
    }
    ArrayNode node = out.putArray("decorator");
    StringBuilder s =
        new StringBuilder(
            "## 5. Decorator cost: JMH, InstrumentedImageService vs RepositoryImageService\n\n"
                + "One thread, average time per operation (± 99.9% error); allocation from"
                + " `-prof gc`. `failAndRetry` is two real transitions (Processing → Failed →"
                + " Processing) per operation.\n\n"
                + "| operation | plain ns/op | instrumented ns/op | added ns/op | ratio |"
                + " plain B/op | instrumented B/op |\n|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, JsonNode>> entry : byOperation.entrySet()) {
      JsonNode plain = entry.getValue().get("plain");
      JsonNode instrumented = entry.getValue().get("instrumented");
      if (plain == null || instrumented == null) {
        continue;
      }
      double p = plain.get("primaryMetric").get("score").asDouble();
      double i = instrumented.get("primaryMetric").get("score").asDouble();
      ObjectNode row = node.addObject();
      row.put("operation", entry.getKey());
      row.put("plain_ns", p);
      row.put("plain_error_ns", plain.get("primaryMetric").get("scoreError").asDouble());
      row.put("instrumented_ns", i);
      row.put(
          "instrumented_error_ns", instrumented.get("primaryMetric").get("scoreError").asDouble());
      row.put("added_ns", i - p);
      row.put("ratio", i / p);
      row.put("plain_alloc_bytes", allocation(plain));
      row.put("instrumented_alloc_bytes", allocation(instrumented));
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f ± %.1f | %.1f ± %.1f | %.1f | %.2f | %.0f | %.0f |%n",
              entry.getKey(),
              p,
              row.get("plain_error_ns").asDouble(),
              i,
              row.get("instrumented_error_ns").asDouble(),
              i - p,
              i / p,
              allocation(plain),
              allocation(instrumented)));
    }
    return s.append('\n').toString();
  }

  /** Bytes allocated per operation, or NaN when the run had no GC profiler. */
  private static double allocation(JsonNode result) {
    JsonNode secondary = result.get("secondaryMetrics");
    if (secondary != null) {
      for (String key : List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm")) {
        JsonNode metric = secondary.get(key);
        if (metric != null) {
          return metric.get("score").asDouble();
        }
      }
    }
    return Double.NaN;
  }

  private static double spread(List<Double> medians) {
    double min = medians.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = medians.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return max / min;
  }

  /** Only the -X options of a JVM's arguments, which are what sizes its heap. */
  private static String heapOptions(String jvmArgs) {
    List<String> options = new ArrayList<>();
    for (String arg : jvmArgs.split(" ")) {
      if (arg.startsWith("-X")) {
        options.add(arg);
      }
    }
    return String.join(" ", options);
  }

  /** The key under which run.sh describes the load on {@code endpoint}. */
  private static String loadKey(String endpoint) {
    return "load." + endpoint.replaceAll("[^a-zA-Z0-9]", "_");
  }

  private static String join(List<Double> ratios) {
    List<String> parts = new ArrayList<>();
    ratios.forEach(r -> parts.add(String.format(Locale.ROOT, "%.3f", r)));
    return String.join(", ", parts);
  }
}
