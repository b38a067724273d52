package org.example.imageservice.domain;

/** Checks and quoting for text that callers send, shared by the parsers of this package. */
final class Texts {
  /** Longer values are cut when quoted back in an error message. */
  private static final int QUOTE_LIMIT = 40;

  private Texts() {}

  static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  static boolean isAsciiDigits(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The value in single quotes for an error message, cut short and with no control characters. */
  static String quote(String text) {
    String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text;
    StringBuilder quoted = new StringBuilder("'");
    shown.codePoints().forEach(c -> quoted.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return quoted.append('\'').toString();
  }
}
