package org.example.imageservice.domain;

/** Width and height of an image in pixels, each between 1 and {@value #MAX_SIDE}. */
public record Resolution(int width, int height) {
  /** The largest width or height accepted. */
  public static final int MAX_SIDE = 65_535;

  public Resolution {
    if (width < 1 || width > MAX_SIDE || height < 1 || height > MAX_SIDE) {
      throw invalid(width + "x" + height);
    }
  }

  /**
   * Reads {@code WIDTHxHEIGHT}, for example {@code 1920x1080}.
   *
   * @throws InvalidImageException naming the field {@code resolution} when the text is malformed
   */
  public static Resolution parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidImageException(
          "resolution", "resolution is required, written WIDTHxHEIGHT, e.g. 1920x1080.");
    }
    int separator = text.indexOf('x');
    if (separator < 0) {
      separator = text.indexOf('X');
    }
    if (separator < 0) {
      throw invalid(text);
    }
    return new Resolution(
        side(text.substring(0, separator), text), side(text.substring(separator + 1), text));
  }

  private static int side(String digits, String original) {
    if (digits.isEmpty() || digits.length() > 5 || !Texts.isAsciiDigits(digits)) {
      throw invalid(original);
    }
    return Integer.parseInt(digits);
  }

  private static InvalidImageException invalid(String text) {
    return new InvalidImageException(
        "resolution",
        "resolution "
            + Texts.quote(text)
            + " is not valid; write WIDTHxHEIGHT with each side from 1 to "
            + MAX_SIDE
            + ", e.g. 1920x1080.");
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
