package org.example.imageservice.api;

import org.example.imageservice.domain.ImageService;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Every resource, filter and feature of the HTTP API, in one place. */
public final class ImageApi extends ResourceConfig {

  public ImageApi(ImageService images, SimulatedLatency latency) {
    register(ImageResource.class);
    register(LoginResource.class);
    register(HealthResource.class);
    register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(images).to(ImageService.class);
            bind(latency).to(SimulatedLatency.class);
          }
        });
    register(JacksonFeature.withoutExceptionMappers());
    register(new StrictJson());
    register(new ProblemMapper());
    register(new BodySizeLimit(BodySizeLimit.DEFAULT_LIMIT));
    register(new RequestLog());
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // Location stays relative (/images/3), so no client-sent Host header is reflected in it.
    property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
  }
}
