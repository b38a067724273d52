package org.example.imageservice.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived command with a time limit and returns its exit code and merged output. */
final class ExternalCommand {
  private ExternalCommand() {}

  /** What a command printed (stdout and stderr merged) and how it exited. */
  record Result(List<String> command, int exitCode, String output) {
    /** The command line and its output, for assertion messages. */
    String describe() {
      return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
    }
  }

  /**
   * Runs {@code command} in {@code workDir}, feeding {@code stdin} (may be null), and kills it if
   * it outlives {@code timeout}.
   *
   * @param scratch a directory for the file that collects the output
   */
  static Result run(
      List<String> command, Path workDir, byte[] stdin, Duration timeout, Path scratch)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(scratch, "command-", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        throw new IllegalStateException(
            String.join(" ", command)
                + " did not finish within "
                + timeout.toSeconds()
                + " s; output so far:\n"
                + printed);
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      return new Result(List.copyOf(command), process.exitValue(), printed);
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }
}
