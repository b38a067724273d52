package org.example.imageservice.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Grafana dashboard JSON file, read as its panels, their queries and its template variables. */
final class GrafanaDashboard {
  /**
   * A variable reference: {@code ${name}} or {@code ${name:format}}, {@code $name}, or the old
   * {@code [[name]]}.
   */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$\\{([A-Za-z_]\\w*)(?::[^}]*)?}|\\$([A-Za-z_]\\w*)|\\[\\[([A-Za-z_]\\w*)]]");

  private static final Pattern LABEL_VALUES_OF_SERIES =
      Pattern.compile("^\\s*label_values\\(\\s*(.+?)\\s*,\\s*([A-Za-z_]\\w*)\\s*\\)\\s*$");
  private static final Pattern LABEL_VALUES_OF_LABEL =
      Pattern.compile("^\\s*label_values\\(\\s*([A-Za-z_]\\w*)\\s*\\)\\s*$");

  private final JsonNode root;

  private GrafanaDashboard(JsonNode root) {
    this.root = root;
  }

  /** One query of one panel. */
  record Target(int panelId, String panelTitle, String refId, String expr, JsonNode node) {}

  /** A template variable and the query that lists its values. */
  record Variable(String name, String type, String query, JsonNode node) {}

  /** Parses {@code file}; a file that is not JSON fails here. */
  static GrafanaDashboard read(Path file) throws IOException {
    return new GrafanaDashboard(new ObjectMapper().readTree(file.toFile()));
  }

  JsonNode root() {
    return root;
  }

  /** The top-level panels, rows included, in file order. */
  List<JsonNode> topLevelPanels() {
    List<JsonNode> panels = new ArrayList<>();
    root.path("panels").forEach(panels::add);
    return panels;
  }

  /** Every panel: the top-level ones and those nested in (collapsed) rows. */
  List<JsonNode> allPanels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : topLevelPanels()) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Every target with an expression, of every panel. */
  List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    for (JsonNode panel : allPanels()) {
      for (JsonNode target : panel.path("targets")) {
        targets.add(
            new Target(
                panel.path("id").asInt(),
                panel.path("title").asText(),
                target.path("refId").asText("?"),
                target.path("expr").asText(""),
                target));
      }
    }
    return targets;
  }

  /** The template variables; a query given as an object is read from its {@code query} field. */
  List<Variable> variables() {
    List<Variable> variables = new ArrayList<>();
    for (JsonNode variable : root.path("templating").path("list")) {
      JsonNode query = variable.path("query");
      String text = query.isObject() ? query.path("query").asText("") : query.asText("");
      variables.add(
          new Variable(
              variable.path("name").asText(), variable.path("type").asText(), text, variable));
    }
    return variables;
  }

  /**
   * Replaces every variable reference in {@code text} with its value from {@code values}.
   *
   * @throws IllegalArgumentException naming a variable that {@code values} lacks, or a {@code $}
   *     that starts no variable and is not a regular-expression end anchor before a quote
   */
  static String substitute(String text, Map<String, String> values) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    int end = 0;
    while (matcher.find()) {
      String literal = text.substring(end, matcher.start());
      requireNoStrayDollar(literal, text);
      result.append(literal);
      String name =
          matcher.group(1) != null
              ? matcher.group(1)
              : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "unknown dashboard variable '"
                + matcher.group()
                + "' in: "
                + text
                + " (known: "
                + values.keySet()
                + ")");
      }
      result.append(value);
      end = matcher.end();
    }
    String rest = text.substring(end);
    requireNoStrayDollar(rest, text);
    return result.append(rest).toString();
  }

  private static void requireNoStrayDollar(String literal, String whole) {
    for (int i = literal.indexOf('$'); i >= 0; i = literal.indexOf('$', i + 1)) {
      boolean anchorBeforeQuote = i + 1 < literal.length() && literal.charAt(i + 1) == '"';
      if (!anchorBeforeQuote) {
        throw new IllegalArgumentException(
            "unrecognised '$' at '" + literal.substring(i) + "' in: " + whole);
      }
    }
  }

  /**
   * The Prometheus API path (with encoded query string) that lists the values a {@code
   * label_values(...)} variable query offers; {@code query} must already be substituted.
   *
   * @throws IllegalArgumentException for any other kind of variable query
   */
  static String labelValuesPath(String query) {
    Matcher ofSeries = LABEL_VALUES_OF_SERIES.matcher(query);
    if (ofSeries.matches()) {
      return "/api/v1/label/"
          + ofSeries.group(2)
          + "/values?match%5B%5D="
          + URLEncoder.encode(ofSeries.group(1), StandardCharsets.UTF_8);
    }
    Matcher ofLabel = LABEL_VALUES_OF_LABEL.matcher(query);
    if (ofLabel.matches()) {
      return "/api/v1/label/" + ofLabel.group(1) + "/values";
    }
    throw new IllegalArgumentException(
        "variable query is not label_values(selector, label) nor label_values(label): " + query);
  }
}
