package org.example.imageservice.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Liveness for load balancers and container health checks. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
  private static final Map<String, String> UP = Map.of("status", "UP");

  @GET
  public Map<String, String> health() {
    return UP;
  }
}
