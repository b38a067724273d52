package org.example.imageservice.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The image file formats the service tracks, read case-insensitively and written upper case. */
public enum ImageFormat {
  JPEG("JPG"),
  PNG,
  GIF,
  BMP,
  TIFF("TIF"),
  WEBP,
  AVIF,
  HEIC;

  private static final String ACCEPTED =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  private final String alias;

  ImageFormat() {
    this(null);
  }

  ImageFormat(String alias) {
    this.alias = alias;
  }

  /**
   * Reads a format name such as {@code png}, {@code JPEG} or {@code jpg}.
   *
   * @throws InvalidImageException naming the field {@code format} when the text is not a format
   */
  public static ImageFormat parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidImageException("format", "format is required; one of " + ACCEPTED + ".");
    }
    String wanted = Texts.isAscii(text) ? text.toUpperCase(Locale.ROOT) : "";
    for (ImageFormat format : values()) {
      if (format.name().equals(wanted) || wanted.equals(format.alias)) {
        return format;
      }
    }
    throw new InvalidImageException(
        "format",
        "format " + Texts.quote(text) + " is not supported; use one of " + ACCEPTED + ".");
  }
}
