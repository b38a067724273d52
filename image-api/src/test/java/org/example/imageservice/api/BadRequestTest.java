package org.example.imageservice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImageQuery;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.ImageStatus;
import org.example.imageservice.domain.InMemoryImageRepository;
import org.example.imageservice.domain.RepositoryImageService;
import org.example.imageservice.domain.Resolution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad request gets its status as problem+json, and changes nothing stored. Image 1 is
 * Processing and image 2 is Processed before each case.
 */
class BadRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json";

  private ImageService service;
  private ApiServer api;

  @BeforeEach
  void start() throws Exception {
    service = new RepositoryImageService(new InMemoryImageRepository());
    service.create(1, ImageFormat.JPEG, new Resolution(1920, 1080));
    service.create(2, ImageFormat.PNG, new Resolution(1280, 720));
    service.changeStatus(2, ImageStatus.PROCESSED);
    api = new ApiServer(new ImageApi(service, SimulatedLatency.none()));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static Stream<Arguments> badRequests() {
    String big =
        "{\"format\": \"PNG\", \"resolution\": \"1x1\", \"pad\": \"" + "x".repeat(70_000) + "\"}";
    return Stream.of(
        bad("POST", "/images", JSON_TYPE, "{\"id\":", 400, null),
        bad("POST", "/images", JSON_TYPE, "[1, 2]", 400, null),
        bad("POST", "/images", JSON_TYPE, "42", 400, null),
        bad("POST", "/images", JSON_TYPE, "", 400, null),
        bad(
            "POST",
            "/images",
            "text/plain",
            "{\"format\":\"PNG\",\"resolution\":\"1x1\"}",
            415,
            null),
        bad("POST", "/images", JSON_TYPE, "{\"resolution\": \"10x10\"}", 422, "format"),
        bad(
            "POST",
            "/images",
            JSON_TYPE,
            "{\"format\": \"\", \"resolution\": \"10x10\"}",
            422,
            "format"),
        bad(
            "POST",
            "/images",
            JSON_TYPE,
            "{\"format\": \"EXE\", \"resolution\": \"10x10\"}",
            422,
            "format"),
        bad(
            "POST",
            "/images",
            JSON_TYPE,
            "{\"format\": 7, \"resolution\": \"10x10\"}",
            422,
            "format"),
        bad("POST", "/images", JSON_TYPE, "{\"format\": \"PNG\"}", 422, "resolution"),
        bad(
            "POST",
            "/images",
            JSON_TYPE,
            "{\"format\": \"PNG\", \"resolution\": \"\"}",
            422,
            "resolution"),
        create("\"resolution\": \"abc\"", "resolution"),
        create("\"resolution\": \"0x10\"", "resolution"),
        create("\"resolution\": \"-5x5\"", "resolution"),
        create("\"resolution\": \"70000x10\"", "resolution"),
        create("\"resolution\": \"1920x\"", "resolution"),
        create("\"resolution\": \"10x10\", \"id\": 0", "id"),
        create("\"resolution\": \"10x10\", \"id\": -1", "id"),
        create("\"resolution\": \"10x10\", \"id\": 1.5", "id"),
        create("\"resolution\": \"10x10\", \"id\": \"abc\"", "id"),
        create("\"resolution\": \"10x10\", \"id\": 9223372036854775808", "id"),
        create("\"resolution\": \"10x10\", \"img_status\": \"Processed\"", "img_status"),
        create("\"resolution\": \"10x10\", \"img_status\": \"Bogus\"", "img_status"),
        bad(
            "POST",
            "/images",
            JSON_TYPE,
            "{\"id\": 1, \"format\": \"GIF\", \"resolution\": \"5x5\"}",
            409,
            "id"),
        bad("POST", "/images", JSON_TYPE, big, 413, null),
        bad(
            "POST",
            "/images",
            JSON_TYPE,
            "{\"format\": \"EXE\", \"format\": \"PNG\", \"resolution\": \"2x2\"}",
            400,
            null),
        create("\"resolution\": \"\uff11\uff19x10\"", "resolution"),
        create("\"resolution\": \" 10x10\"", "resolution"),
        bad(
            "POST",
            "/images",
            JSON_TYPE,
            "{\"format\": \"g\u0131f\", \"resolution\": \"1x1\"}",
            422,
            "format"),
        bad("GET", "/images?limit=-4294967294", null, null, 422, "limit"),
        bad("GET", "/images?limit=4294967297", null, null, 422, "limit"),
        bad("GET", "/images?after=%D9%A1", null, null, 422, "after"),
        bad("GET", "/images/+1", null, null, 404, null),
        bad("GET", "/images/%EF%BC%91", null, null, 404, null),
        bad("PUT", "/images/1", JSON_TYPE, "{\"img_status\": \"Bogus\"}", 422, "img_status"),
        bad("PUT", "/images/1", JSON_TYPE, "{\"img_status\": 3}", 422, "img_status"),
        bad("PUT", "/images/1", JSON_TYPE, "{}", 422, "img_status"),
        bad("PUT", "/images/1", JSON_TYPE, "[\"Failed\"]", 400, null),
        bad("PUT", "/images/1", "text/plain", "Failed", 415, null),
        bad("PUT", "/images/2", JSON_TYPE, "{\"img_status\": \"Failed\"}", 409, null),
        bad("GET", "/images/abc", null, null, 404, null),
        bad("PUT", "/images/abc", null, null, 404, null),
        bad("GET", "/images/999999", null, null, 404, null),
        bad("PUT", "/images/999999", null, null, 404, null),
        bad("GET", "/images/0", null, null, 404, null),
        bad("GET", "/images?status=Bogus", null, null, 422, "status"),
        bad("GET", "/images?limit=0", null, null, 422, "limit"),
        bad("GET", "/images?limit=1001", null, null, 422, "limit"),
        bad("GET", "/images?limit=abc", null, null, 422, "limit"),
        bad("GET", "/images?after=-1", null, null, 422, "after"),
        bad("DELETE", "/images", null, null, 405, null),
        bad("PATCH", "/login", JSON_TYPE, "{}", 405, null),
        bad("GET", "/no/such/path", null, null, 404, null));
  }

  private static Arguments create(String fields, String field) {
    return bad("POST", "/images", JSON_TYPE, "{\"format\": \"PNG\", " + fields + "}", 422, field);
  }

  private static Arguments bad(
      String method, String path, String type, String body, int status, String field) {
    return Arguments.of(method, path, type, body, status, field);
  }

  @ParameterizedTest(name = "{0} {1} {3} -> {4}")
  @MethodSource("badRequests")
  void answersProblemAndChangesNothing(
      String method, String path, String type, String body, int status, String field)
      throws Exception {
    String before = snapshot();

    HttpResponse<String> response = api.send(method, path, type, body);

    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode problem = JSON.readTree(response.body());
    assertEquals(status, problem.get("status").asInt());
    assertTrue(problem.hasNonNull("title") && problem.hasNonNull("type"), response.body());
    String detail = problem.get("detail").asText();
    assertTrue(!detail.isBlank() && !detail.contains("Exception"), detail);
    if (field != null) {
      assertEquals(field, problem.get("field").asText(), response.body());
      assertTrue(detail.contains(field), "detail should name " + field + ": " + detail);
    }
    if (status == 405) {
      assertTrue(response.headers().firstValue("Allow").isPresent(), "405 needs an Allow header");
    }
    assertEquals(before, snapshot(), "a failed request must store nothing");
  }

  private String snapshot() {
    return service.list(ImageQuery.firstPage()).images() + " " + service.counts();
  }
}
