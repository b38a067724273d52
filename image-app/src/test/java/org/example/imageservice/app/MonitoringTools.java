package org.example.imageservice.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.logging.Logger;

/** Finds monitoring binaries on PATH and says why a test must skip, or fails, without them. */
final class MonitoringTools {
  /** Set to {@code 1} to turn a missing binary into a failure instead of a skip. */
  static final String REQUIRE_VARIABLE = "REQUIRE_PROMETHEUS";

  private static final Logger LOG = Logger.getLogger(MonitoringTools.class.getName());

  private MonitoringTools() {}

  /** The executable {@code name} in the first PATH directory that holds it, if any. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Paths.get(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** Whether the environment asks for the monitoring binaries to be present. */
  static boolean required() {
    return "1".equals(System.getenv(REQUIRE_VARIABLE));
  }

  /**
   * Why {@code name} cannot be used (logged as a warning), or empty when it is on PATH; fails at
   * once instead when {@link #REQUIRE_VARIABLE} is 1.
   *
   * @param installCommand the command that installs the binary, quoted in the message
   */
  static Optional<String> missing(String name, String installCommand) {
    if (onPath(name).isPresent()) {
      return Optional.empty();
    }
    String message = "'" + name + "' is not on PATH; install it with: " + installCommand;
    if (required()) {
      fail(message + " (" + REQUIRE_VARIABLE + "=1 makes a missing binary a failure)");
    }
    String skip = message + " (skipped; set " + REQUIRE_VARIABLE + "=1 to fail instead)";
    LOG.warning(skip);
    return Optional.of(skip);
  }

  /** The executable {@code name} from PATH; call only after {@link #missing} said it is there. */
  static Path located(String name) {
    return onPath(name).orElseThrow(() -> new IllegalStateException(name + " left PATH"));
  }
}
