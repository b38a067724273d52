package org.example.imageservice.app;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Proves the dashboard, alert rules and Prometheus files against a real Prometheus and the app. */
class PrometheusProofTest {
  private static final Logger LOG = Logger.getLogger(PrometheusProofTest.class.getName());

  /** One line per request would drown the test output; kept referenced so the level sticks. */
  private static final Logger REQUEST_LOG = Logger.getLogger("org.example.imageservice.requests");

  private static final String JOB = "image-app";
  private static final String PROMETHEUS_INSTALL = "apt-get install -y prometheus";
  private static final Duration SCRAPE_WAIT = Duration.ofSeconds(60);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration TRAFFIC_PERIOD = Duration.ofMillis(500);

  /** Bounds the background traffic to 150 rounds (about 75 s) of about 17 requests each. */
  private static final int MAX_TRAFFIC_ROUNDS = 150;

  private static final int MIN_SCRAPES = 5;

  /** What promtool prints when all is well; any other line is a finding. */
  private static final Pattern PROMTOOL_SUCCESS_LINE =
      Pattern.compile("^\\s*(?:|Checking \\S.*|SUCCESS(?::.*)?|Unit Testing: .+)\\s*$");

  /**
   * Output lines of promtool and docker-compose that are accepted although they are not success
   * lines; each entry says why. Empty on purpose: promtool 2.42 reports nothing for
   * infra/prometheus/*.yml nor for the app's live /metrics (the client library's jvm_* and
   * process_* families, the myapp_info gauge and the login summary all lint clean), and
   * docker-compose config -q prints nothing for infra/docker-compose.yml.
   */
  private static final List<AllowedFinding> ALLOWED_FINDINGS = List.of();

  private static final Pattern DATASOURCE_UID =
      Pattern.compile("(?m)^\\s*uid:\\s*[\"']?([^\"'\\s#]+)[\"']?\\s*(?:#.*)?$");
  private static final Pattern ALERT_NAME = Pattern.compile("(?m)^\\s*-\\s*alert:\\s*(\\S+)\\s*$");

  @TempDir static Path work;

  private static Path repoRoot;
  private static Path promtool;
  private static Path generatedConfig;
  private static HttpClient http;
  private static ImageServiceApp app;
  private static ApiTraffic traffic;
  private static PrometheusServer prometheus;

  /** Why Prometheus did not start; the tests that need it fail with it, the others still run. */
  private static Exception prometheusFailure;

  /** Why the tests are skipped: a binary is missing from PATH; null when all are there. */
  private static String skipReason;

  private static String instance;

  /** A line that may appear in a tool's output, and why that is acceptable. */
  private record AllowedFinding(Pattern line, String reason) {}

  @BeforeAll
  static void startAppTrafficAndPrometheus() throws Exception {
    skipReason =
        Stream.of("prometheus", "promtool")
            .map(name -> MonitoringTools.missing(name, PROMETHEUS_INSTALL))
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(null);
    if (skipReason != null) {
      return;
    }
    Path prometheusBinary = MonitoringTools.located("prometheus");
    promtool = MonitoringTools.located("promtool");
    repoRoot = findRepoRoot();
    REQUEST_LOG.setLevel(Level.WARNING);

    app = ImageServiceApp.start(new Config("127.0.0.1", 0, 0, false, true, true));
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    traffic = new ApiTraffic(http, app.apiUri(), MAX_TRAFFIC_ROUNDS);
    traffic.startEvery(TRAFFIC_PERIOD);

    generatedConfig = writePrometheusConfig(app.metricsUri());
    try {
      prometheus = PrometheusServer.start(prometheusBinary, generatedConfig, work, http);
      LOG.info("Prometheus " + prometheus.base() + " scrapes " + app.metricsUri());
    } catch (IllegalStateException | IOException failed) {
      prometheusFailure = failed;
    }
  }

  /** Surefire does not report a class aborted in @BeforeAll as skipped; each test is, here. */
  @BeforeEach
  void skipWithoutPrometheus() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    try {
      if (traffic != null) {
        traffic.close();
      }
    } finally {
      try {
        if (prometheus != null) {
          prometheus.close();
        }
      } finally {
        if (app != null) {
          app.stop(Duration.ofSeconds(2));
        }
        REQUEST_LOG.setLevel(null);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDashboardQueryReturnsData() throws Exception {
    awaitScrapes();
    Map<String, String> values = variableValues();
    List<GrafanaDashboard.Target> targets = GrafanaDashboard.read(dashboardFile()).targets();
    assertTrue(targets.size() > 0, "the dashboard has no panel queries");
    return targets.stream()
        .map(
            target -> {
              String what =
                  "panel '"
                      + target.panelTitle()
                      + "' (id "
                      + target.panelId()
                      + ", ref "
                      + target.refId()
                      + ") expr "
                      + target.expr();
              return DynamicTest.dynamicTest(
                  target.panelTitle() + " [" + target.refId() + "]",
                  () -> {
                    assertTrue(!target.expr().isBlank(), what + ": empty expression");
                    String promql = substitute(target.expr(), values, what);
                    assertHasData(what + " as " + promql, prometheus.query(promql));
                  });
            });
  }

  @TestFactory
  Stream<DynamicTest> everyTemplateVariableQueryReturnsValues() throws Exception {
    awaitScrapes();
    Map<String, String> values = variableValues();
    List<GrafanaDashboard.Variable> variables = GrafanaDashboard.read(dashboardFile()).variables();
    return variables.stream()
        .map(
            variable ->
                DynamicTest.dynamicTest(
                    "$" + variable.name(),
                    () -> {
                      String what = "variable $" + variable.name() + " query " + variable.query();
                      assertEquals("query", variable.type(), what + ": unsupported type");
                      String query = substitute(variable.query(), values, what);
                      String path;
                      try {
                        path = GrafanaDashboard.labelValuesPath(query);
                      } catch (IllegalArgumentException unsupported) {
                        throw new AssertionError(what + ": " + unsupported.getMessage());
                      }
                      PrometheusServer.Answer answer = prometheus.get(path);
                      JsonNode offered = successfulData(what + " via " + path, answer);
                      List<String> options = new ArrayList<>();
                      offered.forEach(value -> options.add(value.asText()));
                      assertTrue(!options.isEmpty(), what + " via " + path + ": no values");
                      String expected = values.get(variable.name());
                      if (expected != null) {
                        assertTrue(
                            options.contains(expected),
                            what + " offers " + options + ", not the live " + expected);
                      }
                    }));
  }

  @Test
  void dashboardJsonIsConsistent() throws IOException {
    GrafanaDashboard dashboard = GrafanaDashboard.read(dashboardFile());
    String datasource = provisionedDatasourceUid();
    JsonNode root = dashboard.root();
    List<Executable> checks = new ArrayList<>();
    for (String field : List.of("uid", "title", "schemaVersion")) {
      checks.add(
          () ->
              assertTrue(
                  root.hasNonNull(field) && !root.get(field).asText().isBlank(),
                  "the dashboard has no " + field));
    }
    checks.add(() -> assertTrue(root.path("schemaVersion").isInt(), "schemaVersion: a number"));

    Map<Integer, String> ids = new LinkedHashMap<>();
    for (JsonNode panel : dashboard.allPanels()) {
      String title = "panel '" + panel.path("title").asText() + "'";
      if (!panel.path("id").isInt()) {
        checks.add(() -> fail(title + " has no numeric id"));
        continue;
      }
      String previous = ids.put(panel.get("id").asInt(), title);
      if (previous != null) {
        checks.add(() -> fail(title + " reuses id " + panel.get("id") + " of " + previous));
      }
      if (!panel.path("type").asText().equals("row")) {
        checks.add(() -> assertDatasource(datasource, panel.path("datasource"), title));
        for (JsonNode target : panel.path("targets")) {
          String ref = title + " target " + target.path("refId").asText("?");
          checks.add(() -> assertDatasource(datasource, target.path("datasource"), ref));
        }
      }
    }
    for (GrafanaDashboard.Variable variable : dashboard.variables()) {
      if (variable.type().equals("query")) {
        String what = "variable $" + variable.name();
        checks.add(() -> assertDatasource(datasource, variable.node().path("datasource"), what));
      }
    }
    checks.addAll(layoutChecks(dashboard.topLevelPanels(), "the dashboard"));
    for (JsonNode row : dashboard.topLevelPanels()) {
      if (row.path("panels").size() > 0) {
        String where = "row '" + row.path("title").asText() + "'";
        List<JsonNode> children = new ArrayList<>();
        row.path("panels").forEach(children::add);
        checks.addAll(layoutChecks(children, where));
      }
    }
    assertAll(dashboardFile().toString(), checks);
  }

  @Test
  void everyAlertRuleLoadsAndEvaluatesWithoutError() throws Exception {
    awaitScrapes();
    Path alerts = repoRoot.resolve("infra/prometheus/alerts.yml");
    List<String> declared = new ArrayList<>();
    Matcher names = ALERT_NAME.matcher(Files.readString(alerts, StandardCharsets.UTF_8));
    while (names.find()) {
      declared.add(names.group(1));
    }
    assertTrue(!declared.isEmpty(), alerts + " declares no alert");
    Collections.sort(declared);

    JsonNode groups = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      groups = successfulData("/api/v1/rules", prometheus.get("/api/v1/rules")).path("groups");
      if (!groups.toString().contains("\"health\":\"unknown\"")) {
        break;
      }
      Thread.sleep(500);
    }
    assertNotNull(groups);
    List<String> loaded = new ArrayList<>();
    List<Executable> checks = new ArrayList<>();
    for (JsonNode group : groups) {
      checks.add(
          () -> assertEquals(alerts.toString(), group.path("file").asText(), "rule group file"));
      for (JsonNode rule : group.path("rules")) {
        String name = rule.path("name").asText();
        loaded.add(name);
        checks.add(
            () ->
                assertEquals(
                    "ok",
                    rule.path("health").asText(),
                    "rule " + name + " health; lastError: " + rule.path("lastError").asText()));
      }
    }
    Collections.sort(loaded);
    checks.add(() -> assertEquals(declared, loaded, "alerts loaded by Prometheus"));
    JsonNode active = successfulData("/api/v1/alerts", prometheus.get("/api/v1/alerts"));
    for (JsonNode alert : active.path("alerts")) {
      String name = alert.path("labels").path("alertname").asText();
      checks.add(
          () ->
              assertTrue(
                  !name.equals("ImageAppDown"),
                  "ImageAppDown is " + alert.path("state").asText() + " while up == 1: " + alert));
    }
    assertAll("alert rules in Prometheus", checks);
  }

  @Test
  void promtoolAcceptsConfigRulesAndRuleTests() throws Exception {
    Path prometheusDir = repoRoot.resolve("infra/prometheus");
    List<ExternalCommand.Result> results =
        List.of(
            run(prometheusDir, null, promtool.toString(), "check", "config", "prometheus.yml"),
            run(prometheusDir, null, promtool.toString(), "check", "rules", "alerts.yml"),
            run(
                repoRoot,
                null,
                promtool.toString(),
                "test",
                "rules",
                "infra/prometheus/alerts.test.yml"),
            run(work, null, promtool.toString(), "check", "config", generatedConfig.toString()));
    assertAll(
        "promtool", results.stream().map(result -> (Executable) () -> assertCleanRun(result)));
  }

  @Test
  void promtoolFindsNoProblemInLiveMetrics() throws Exception {
    HttpResponse<byte[]> metrics =
        http.send(
            HttpRequest.newBuilder(app.metricsUri()).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, metrics.statusCode(), "GET " + app.metricsUri());
    String text = new String(metrics.body(), StandardCharsets.UTF_8);
    assertTrue(text.contains("myapp_request_duration_seconds_bucket{"), "no request histogram");
    assertCleanRun(run(work, metrics.body(), promtool.toString(), "check", "metrics"));
  }

  @Test
  void dockerComposeFileIsValid() throws Exception {
    MonitoringTools.missing("docker-compose", "apt-get install -y docker-compose")
        .ifPresent(reason -> Assumptions.abort(reason));
    Path compose = MonitoringTools.located("docker-compose");
    assertCleanRun(
        run(repoRoot, null, compose.toString(), "-f", "infra/docker-compose.yml", "config", "-q"));
  }

  @Test
  void apiAnswersTheDrivenTrafficAsExpected() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (traffic.rounds() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(traffic.rounds() >= 3, "only " + traffic.rounds() + " traffic rounds ran");
    assertEquals(List.of(), traffic.unexpected(), "unexpected API answers");
  }

  /** Waits until Prometheus has scraped the app several times and remembers its instance label. */
  private static synchronized void awaitScrapes() throws Exception {
    if (instance != null) {
      return;
    }
    if (prometheusFailure != null) {
      throw new AssertionError("prometheus did not start", prometheusFailure);
    }
    String scrapes = "count_over_time(up{job=\"" + JOB + "\"}[1m])";
    String up = "up{job=\"" + JOB + "\"}";
    String last = "(no answer)";
    long deadline = System.nanoTime() + SCRAPE_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      PrometheusServer.Answer count = prometheus.query(scrapes);
      PrometheusServer.Answer health = prometheus.query(up);
      last = scrapes + " -> " + count.body() + "; " + up + " -> " + health.body();
      JsonNode counted = firstSample(count);
      JsonNode target = firstSample(health);
      if (counted != null
          && target != null
          && Double.parseDouble(counted.path("value").path(1).asText()) >= MIN_SCRAPES
          && target.path("value").path(1).asText().equals("1")) {
        String label = target.path("metric").path("instance").asText();
        assertEquals(app.metricsUri().getAuthority(), label, "instance label of " + up);
        instance = label;
        LOG.info(
            "Prometheus has scraped "
                + label
                + " "
                + MIN_SCRAPES
                + "+ times after "
                + traffic.rounds()
                + " traffic rounds");
        return;
      }
      Thread.sleep(500);
    }
    prometheus.logTail("Prometheus did not scrape " + app.metricsUri() + " in time");
    fail(
        "Prometheus did not scrape "
            + app.metricsUri()
            + " "
            + MIN_SCRAPES
            + " times with up == 1"
            + " within "
            + SCRAPE_WAIT.toSeconds()
            + " s; last: "
            + last
            + "; targets: "
            + prometheus.get("/api/v1/targets").body());
  }

  private static JsonNode firstSample(PrometheusServer.Answer answer) {
    if (answer.statusCode() != 200 || answer.json() == null) {
      return null;
    }
    JsonNode result = answer.json().path("data").path("result");
    return result.isArray() && result.size() > 0 ? result.get(0) : null;
  }

  /** The values the dashboard's variables and Grafana's built-in interval variables take here. */
  private static Map<String, String> variableValues() {
    return Map.of(
        "job", JOB,
        "instance", instance,
        "__rate_interval", "1m",
        "__interval", "15s",
        "__interval_ms", "15000",
        "__range", "5m",
        "__range_s", "300",
        "__range_ms", "300000");
  }

  private static String substitute(String text, Map<String, String> values, String what) {
    try {
      return GrafanaDashboard.substitute(text, values);
    } catch (IllegalArgumentException unknown) {
      throw new AssertionError(what + ": " + unknown.getMessage(), unknown);
    }
  }

  /** Asserts a successful query answer with at least one series holding a finite value. */
  private static void assertHasData(String what, PrometheusServer.Answer answer) {
    JsonNode data = successfulData(what, answer);
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    List<String> samples = new ArrayList<>();
    switch (type) {
      case "vector" -> result.forEach(series -> samples.add(series.path("value").path(1).asText()));
      case "scalar" -> samples.add(result.path(1).asText());
      default -> fail(what + ": unexpected result type '" + type + "': " + answer.body());
    }
    assertTrue(!samples.isEmpty(), what + ": no series; answer " + answer.body());
    assertTrue(
        samples.stream().anyMatch(PrometheusProofTest::isFinite),
        what + ": every series is NaN or infinite, so the traffic did not reach it: " + samples);
  }

  private static boolean isFinite(String sample) {
    if (sample.equals("NaN") || sample.endsWith("Inf")) {
      return false;
    }
    return Double.isFinite(Double.parseDouble(sample));
  }

  /** Asserts HTTP 200 and status success, and returns the {@code data} field. */
  private static JsonNode successfulData(String what, PrometheusServer.Answer answer) {
    assertEquals(200, answer.statusCode(), what + ": HTTP status; body " + answer.body());
    assertNotNull(answer.json(), what + ": answer is not JSON: " + answer.body());
    assertEquals(
        "success", answer.json().path("status").asText(), what + ": status; " + answer.body());
    return answer.json().path("data");
  }

  private static void assertDatasource(String expectedUid, JsonNode datasource, String what) {
    assertEquals(
        expectedUid,
        datasource.path("uid").asText(null),
        what + " datasource " + datasource + " is not the provisioned uid " + expectedUid);
  }

  /** Every panel fits in the 24 columns and no two panels' rectangles overlap. */
  private static List<Executable> layoutChecks(List<JsonNode> panels, String where) {
    List<Executable> checks = new ArrayList<>();
    for (int i = 0; i < panels.size(); i++) {
      JsonNode a = panels.get(i);
      JsonNode grid = a.path("gridPos");
      String nameA = where + " panel '" + a.path("title").asText() + "' gridPos " + grid;
      int x = grid.path("x").asInt(-1);
      int y = grid.path("y").asInt(-1);
      int w = grid.path("w").asInt(0);
      int h = grid.path("h").asInt(0);
      checks.add(
          () ->
              assertTrue(
                  x >= 0 && y >= 0 && w >= 1 && h >= 1 && x + w <= 24,
                  nameA + " does not fit in 24 columns"));
      for (int j = i + 1; j < panels.size(); j++) {
        JsonNode b = panels.get(j);
        JsonNode other = b.path("gridPos");
        int bx = other.path("x").asInt(-1);
        int by = other.path("y").asInt(-1);
        int bw = other.path("w").asInt(0);
        int bh = other.path("h").asInt(0);
        boolean overlap = x < bx + bw && bx < x + w && y < by + bh && by < y + h;
        String nameB = "'" + b.path("title").asText() + "' gridPos " + other;
        checks.add(() -> assertTrue(!overlap, nameA + " overlaps " + nameB));
      }
    }
    return checks;
  }

  /** Fails on a non-zero exit, or on an output line that is neither success nor allow-listed. */
  private static void assertCleanRun(ExternalCommand.Result result) {
    assertEquals(0, result.exitCode(), result.describe());
    List<String> findings = new ArrayList<>();
    for (String line : result.output().split("\\R")) {
      if (PROMTOOL_SUCCESS_LINE.matcher(line).matches()) {
        continue;
      }
      boolean allowed =
          ALLOWED_FINDINGS.stream().anyMatch(finding -> finding.line().matcher(line).find());
      if (!allowed) {
        findings.add(line);
      }
    }
    assertEquals(List.of(), findings, "findings not in the allow-list; " + result.describe());
  }

  private static ExternalCommand.Result run(Path dir, byte[] stdin, String... command)
      throws IOException, InterruptedException {
    return ExternalCommand.run(List.of(command), dir, stdin, COMMAND_TIMEOUT, work);
  }

  private static Path dashboardFile() {
    return repoRoot.resolve("infra/grafana/dashboards/image-processing.json");
  }

  /** The single uid that the Grafana datasource provisioning files declare. */
  private static String provisionedDatasourceUid() throws IOException {
    Path dir = repoRoot.resolve("infra/grafana/provisioning/datasources");
    Set<String> uids = new HashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
          Matcher uid = DATASOURCE_UID.matcher(Files.readString(file, StandardCharsets.UTF_8));
          while (uid.find()) {
            uids.add(uid.group(1));
          }
        }
      }
    }
    assertEquals(1, uids.size(), "datasource uids provisioned in " + dir + ": " + uids);
    return uids.iterator().next();
  }

  /** Writes a configuration that scrapes {@code metrics} every second and loads the alert rules. */
  private static Path writePrometheusConfig(URI metrics) throws IOException {
    Path alerts = repoRoot.resolve("infra/prometheus/alerts.yml");
    String config =
        String.join(
            "\n",
            "# Generated by PrometheusProofTest.",
            "global:",
            "  scrape_interval: 1s",
            "  scrape_timeout: 1s",
            "  evaluation_interval: 1s",
            "rule_files:",
            "  - " + yamlString(alerts.toString()),
            "scrape_configs:",
            "  - job_name: " + JOB,
            "    scrape_interval: 1s",
            "    scrape_timeout: 1s",
            "    metrics_path: " + yamlString(metrics.getPath()),
            "    static_configs:",
            "      - targets: [" + yamlString(metrics.getAuthority()) + "]",
            "");
    Path file = work.resolve("prometheus.yml");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    return file;
  }

  private static String yamlString(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The nearest directory at or above the working directory that holds infra/prometheus. */
  private static Path findRepoRoot() {
    Path start = Paths.get("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("infra/prometheus"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no infra/prometheus at or above " + start);
  }
}
