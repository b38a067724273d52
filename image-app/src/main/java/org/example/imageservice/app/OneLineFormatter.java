package org.example.imageservice.app;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Writes each log record on one line: UTC time, level, logger and message. Unlike the JDK's
 * SimpleFormatter it neither parses a format string nor walks the stack to find the caller for
 * every record, which matters with one line per request.
 */
public final class OneLineFormatter extends Formatter {
  /** Causes printed below an exception at most; a cycle of causes cannot loop for ever. */
  private static final int MAX_CAUSES = 10;

  @Override
  public String format(LogRecord record) {
    StringBuilder line =
        new StringBuilder(128)
            .append(Instant.ofEpochMilli(record.getMillis()))
            .append(' ')
            .append(record.getLevel().getName())
            .append(' ')
            .append(record.getLoggerName())
            .append(": ")
            .append(formatMessage(record))
            .append(System.lineSeparator());
    Throwable error = record.getThrown();
    for (int depth = 0; error != null && depth < MAX_CAUSES; depth++, error = error.getCause()) {
      line.append(depth == 0 ? "" : "Caused by: ").append(error).append(System.lineSeparator());
      for (StackTraceElement frame : error.getStackTrace()) {
        line.append("\tat ").append(frame).append(System.lineSeparator());
      }
    }
    return line.toString();
  }
}
