package org.example.imageservice.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;

/** The JSON mapper of the API: a body that names a field twice is refused, not half read. */
final class StrictJson implements ContextResolver<ObjectMapper> {
  private final ObjectMapper mapper =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
