package org.example.imageservice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.example.imageservice.domain.ImageFormat;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.ImageStatus;
import org.example.imageservice.domain.InMemoryImageRepository;
import org.example.imageservice.domain.RepositoryImageService;
import org.example.imageservice.domain.Resolution;
import org.example.imageservice.domain.StatusCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The happy paths of the API, over real HTTP. */
class ImageApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImageService service;
  private ApiServer api;

  @BeforeEach
  void start() throws Exception {
    service = new RepositoryImageService(new InMemoryImageRepository());
    api = new ApiServer(new ImageApi(service, SimulatedLatency.none()));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createAnswers201WithLocationAndTheImage() throws Exception {
    HttpResponse<String> response =
        api.postJson("/images", "{\"id\": 3, \"format\": \"png\", \"resolution\": \"800x600\"}");

    assertEquals(201, response.statusCode());
    assertEquals("/images/3", response.headers().firstValue("Location").orElseThrow());
    JsonNode image = JSON.readTree(response.body());
    assertEquals(3, image.get("id").asLong());
    assertEquals("PNG", image.get("format").asText());
    assertEquals("800x600", image.get("resolution").asText());
    assertEquals("Processing", image.get("img_status").asText());
    assertEquals(image.get("created_at"), image.get("updated_at"));
    assertEquals(ImageStatus.PROCESSING, service.find(3).orElseThrow().status());
  }

  @Test
  void createWithoutIdAssignsTheNextFreeOneAndIgnoresUnknownFields() throws Exception {
    service.create(1, ImageFormat.JPEG, new Resolution(1, 1));

    HttpResponse<String> response =
        api.postJson(
            "/images",
            "{\"format\": \"GIF\", \"resolution\": \"10x10\", \"img_status\": \"Processing\","
                + " \"colour\": \"blue\"}");

    assertEquals(201, response.statusCode(), response.body());
    assertEquals(2, JSON.readTree(response.body()).get("id").asLong());
  }

  @Test
  void getAnswersTheStoredImage() throws Exception {
    service.create(5, ImageFormat.WEBP, new Resolution(640, 480));

    HttpResponse<String> response = api.get("/images/5");

    assertEquals(200, response.statusCode());
    assertEquals("WEBP", JSON.readTree(response.body()).get("format").asText());
  }

  @Test
  void listIsOrderedByIdAndLinksToTheNextPage() throws Exception {
    for (long id : new long[] {4, 1, 3, 2}) {
      service.create(id, ImageFormat.PNG, new Resolution(2, 2));
    }

    HttpResponse<String> first = api.get("/images?limit=3");
    HttpResponse<String> rest = api.get("/images?limit=3&after=3");

    assertEquals(200, first.statusCode());
    assertEquals("[1,2,3]", ids(first));
    String link = first.headers().firstValue("Link").orElseThrow();
    assertEquals("</images?limit=3&after=3>; rel=\"next\"", link);
    assertEquals("[4]", ids(rest));
    assertFalse(rest.headers().firstValue("Link").isPresent());
  }

  @Test
  void listFiltersByStatus() throws Exception {
    service.create(1, ImageFormat.PNG, new Resolution(2, 2));
    service.create(2, ImageFormat.PNG, new Resolution(2, 2));
    service.changeStatus(2, ImageStatus.FAILED);

    assertEquals("[2]", ids(api.get("/images?status=Failed")));
    assertEquals("[1]", ids(api.get("/images?status=processing")));
  }

  @Test
  void putWithoutBodyMarksTheImageProcessed() throws Exception {
    service.create(1, ImageFormat.PNG, new Resolution(2, 2));

    HttpResponse<String> response = api.send("PUT", "/images/1", null, null);

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("Processed", JSON.readTree(response.body()).get("img_status").asText());
    assertEquals(new StatusCounts(0, 1, 0), service.counts());
  }

  @Test
  void putWithStatusFailsThenRetriesTheImage() throws Exception {
    service.create(1, ImageFormat.PNG, new Resolution(2, 2));

    HttpResponse<String> failed = api.putJson("/images/1", "{\"img_status\": \"Failed\"}");
    HttpResponse<String> retried = api.putJson("/images/1", "{\"img_status\": \"Processing\"}");

    assertEquals("Failed", JSON.readTree(failed.body()).get("img_status").asText());
    assertEquals("Processing", JSON.readTree(retried.body()).get("img_status").asText());
  }

  @Test
  void putToTheCurrentStatusIsNotAnError() throws Exception {
    service.create(1, ImageFormat.PNG, new Resolution(2, 2));
    service.changeStatus(1, ImageStatus.PROCESSED);

    HttpResponse<String> response = api.send("PUT", "/images/1", null, null);

    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void loginWelcomesWithPlainText() throws Exception {
    for (String method : new String[] {"GET", "POST"}) {
      HttpResponse<String> response = api.send(method, "/login", null, null);

      assertEquals(200, response.statusCode());
      assertTrue(
          response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
      assertEquals("Welcome to the image processing app!", response.body());
    }
  }

  @Test
  void healthIsUp() throws Exception {
    HttpResponse<String> response = api.get("/health");

    assertEquals(200, response.statusCode());
    assertEquals("UP", JSON.readTree(response.body()).get("status").asText());
  }

  private static String ids(HttpResponse<String> response) throws Exception {
    StringBuilder ids = new StringBuilder("[");
    for (JsonNode image : JSON.readTree(response.body())) {
      ids.append(ids.length() > 1 ? "," : "").append(image.get("id").asLong());
    }
    return ids.append(']').toString();
  }
}
