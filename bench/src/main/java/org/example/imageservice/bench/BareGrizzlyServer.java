package org.example.imageservice.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.example.imageservice.app.ImageServiceApp;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** A Grizzly server with no framework on top: the baseline that the service's /login is held to. */
public final class BareGrizzlyServer {
  /** The same text that the service's /login answers. */
  static final byte[] WELCOME =
      "Welcome to the image processing app!".getBytes(StandardCharsets.US_ASCII);

  private static final Logger LOG = Logger.getLogger(BareGrizzlyServer.class.getName());

  private BareGrizzlyServer() {}

  /**
   * Serves {@code GET /login} until the JVM is stopped.
   *
   * @param args the address and the port to listen on, e.g. {@code 127.0.0.1 18090}
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BareGrizzlyServer ADDRESS PORT");
    }
    HttpServer server = new HttpServer();
    NetworkListener listener = new NetworkListener("bare", args[0], Integer.parseInt(args[1]));
    ImageServiceApp.configure(listener);
    server.addListener(listener);
    server.getServerConfiguration().addHttpHandler(new Welcome(), "/login");
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "bare-shutdown"));
    LOG.info("bare Grizzly serving http://" + args[0] + ":" + args[1] + "/login");
    new CountDownLatch(1).await();
  }

  /** Answers the welcome text as text/plain, as the service's /login does. */
  private static final class Welcome extends HttpHandler {
    @Override
    public void service(Request request, Response response) throws IOException {
      response.setContentType("text/plain");
      response.setContentLength(WELCOME.length);
      try (OutputStream out = response.getOutputStream()) {
        out.write(WELCOME);
      }
    }
  }
}
