package org.example.imageservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.example.imageservice.domain.Image;
import org.example.imageservice.domain.ImageNotFoundException;
import org.example.imageservice.domain.ImagePage;
import org.example.imageservice.domain.ImageQuery;
import org.example.imageservice.domain.ImageService;
import org.example.imageservice.domain.ImageStatus;
import org.example.imageservice.domain.InvalidImageException;

/** Create, list, read and move images through processing. */
@Path("/images")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ImageResource {
  static final Duration LIST_LATENCY = Duration.ofMillis(200);
  static final Duration CHANGE_LATENCY = Duration.ofSeconds(1);

  private final ImageService images;
  private final SimulatedLatency latency;

  @Inject
  public ImageResource(ImageService images, SimulatedLatency latency) {
    this.images = images;
    this.latency = latency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonNode body) {
    CreateImageRequest request = CreateImageRequest.from(body);

    Image image =
        request.id().isPresent()
            ? images.create(request.id().getAsLong(), request.format(), request.resolution())
            : images.create(request.format(), request.resolution());

    return Response.created(URI.create("/images/" + image.id()))
        .entity(ImageJson.of(image))
        .build();
  }

  @GET
  public void list(
      @QueryParam("status") String status,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @Context UriInfo uri,
      @Suspended AsyncResponse response) {
    ImageQuery query =
        new ImageQuery(
            status == null || status.isEmpty()
                ? Optional.empty()
                : Optional.of(ImageStatus.parse(status, "status")),
            number("after", after, 0, 0, Long.MAX_VALUE),
            (int) number("limit", limit, ImageQuery.DEFAULT_LIMIT, 1, ImageQuery.MAX_LIMIT));

    latency.respond(response, LIST_LATENCY, () -> page(images.list(query), uri));
  }

  @GET
  @Path("/{id}")
  public ImageJson get(@PathParam("id") String id) {
    long key = pathId(id);
    return images.find(key).map(ImageJson::of).orElseThrow(() -> new ImageNotFoundException(key));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public void changeStatus(
      @PathParam("id") String id, JsonNode body, @Suspended AsyncResponse response) {
    long key = pathId(id);
    ImageStatus target = targetStatus(body);

    latency.respond(
        response, CHANGE_LATENCY, () -> ImageJson.of(images.changeStatus(key, target).after()));
  }

  private static Response page(ImagePage page, UriInfo uri) {
    List<ImageJson> body = page.images().stream().map(ImageJson::of).toList();
    Response.ResponseBuilder answer = Response.ok(body);
    if (page.hasMore()) {
      URI next =
          UriBuilder.fromPath("/images")
              .replaceQuery(uri.getRequestUri().getRawQuery())
              .replaceQueryParam("after", page.lastId())
              .build();
      answer.link(next, "next");
    }
    return answer.build();
  }

  /** No body means Processed, as the original {@code make process_image} sent none. */
  private static ImageStatus targetStatus(JsonNode body) {
    if (body == null || body.isMissingNode()) {
      return ImageStatus.PROCESSED;
    }
    String status = JsonBodies.text(JsonBodies.requireObject(body), "img_status");
    if (status == null) {
      throw new InvalidImageException(
          "img_status", "img_status is required: Processing, Processed or Failed.");
    }
    return ImageStatus.parse(status, "img_status");
  }

  /** An id in the path that is not a positive number names no image. */
  private static long pathId(String text) {
    long id = wholeNumber(text);
    if (id < 1) {
      throw new NotFoundException(
          "No image with id " + shown(text) + " exists; ids are positive whole numbers.");
    }
    return id;
  }

  /** A query parameter from {@code min} to {@code max}, or {@code fallback} if absent. */
  private static long number(String name, String text, long fallback, long min, long max) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    long value = wholeNumber(text);
    if (value < min || value > max) {
      throw new InvalidImageException(
          name,
          name + " must be a whole number from " + min + " to " + max + ", was " + shown(text));
    }
    return value;
  }

  /** A value sent by the client, quoted and cut short for an error message. */
  private static String shown(String text) {
    return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
  }

  /** ASCII digits only, as a long; -1 for anything else, including values past Long.MAX_VALUE. */
  private static long wholeNumber(String text) {
    if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException tooLarge) {
      return -1;
    }
  }
}
