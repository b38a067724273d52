package org.example.imageservice.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** The API on a real Grizzly server on an ephemeral loopback port, with a client for it. */
final class ApiServer implements AutoCloseable {
  private final HttpServer server;
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  ApiServer(ResourceConfig api) throws IOException {
    server =
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), api, false);
    server.start();
    int port = server.getListeners().iterator().next().getPort();
    base = URI.create("http://127.0.0.1:" + port);
  }

  HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send("POST", path, "application/json", json);
  }

  HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
    return send("PUT", path, "application/json", json);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
