package org.example.imageservice.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/** A simulated login that always succeeds, kept for load tests and the login summary metric. */
@Path("/login")
@Produces(MediaType.TEXT_PLAIN)
@Singleton
public final class LoginResource {
  /** What every login answers. */
  public static final String WELCOME = "Welcome to the image processing app!";

  static final Duration LATENCY = Duration.ofMillis(200);

  private final SimulatedLatency latency;

  @Inject
  public LoginResource(SimulatedLatency latency) {
    this.latency = latency;
  }

  @GET
  public void get(@Suspended AsyncResponse response) {
    latency.respond(response, LATENCY, () -> WELCOME);
  }

  @POST
  public void post(@Suspended AsyncResponse response) {
    latency.respond(response, LATENCY, () -> WELCOME);
  }
}
