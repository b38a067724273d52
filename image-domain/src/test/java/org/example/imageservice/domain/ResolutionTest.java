package org.example.imageservice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResolutionTest {

  @Test
  void parseReadsWidthAndHeight() {
    Resolution resolution = Resolution.parse("1920x1080");

    assertEquals(new Resolution(1920, 1080), resolution);
    assertEquals("1920x1080", resolution.toString());
  }

  @Test
  void parseAcceptsTheLimits() {
    assertEquals(new Resolution(1, 65535), Resolution.parse("1x65535"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "0x10",
        "-5x5",
        "70000x10",
        "1920x",
        "x1080",
        "1920x1080x3",
        "19 20x10",
        "+5x5",
        "99999999999x1",
        ""
      })
  void parseRejectsMalformedTextNamingTheField(String text) {
    InvalidImageException error =
        assertThrows(InvalidImageException.class, () -> Resolution.parse(text));

    assertEquals("resolution", error.field());
  }
}
