package org.example.imageservice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFormatTest {

  @ParameterizedTest
  @CsvSource({"jpeg,JPEG", "jpg,JPEG", "JPG,JPEG", "Png,PNG", " gif ,GIF", "tif,TIFF", "heic,HEIC"})
  void parseIgnoresCaseAndKnowsAliases(String text, ImageFormat expected) {
    assertEquals(expected, ImageFormat.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"EXE", "jpegg", "", "   "})
  void parseRejectsUnknownFormatNamingTheField(String text) {
    InvalidImageException error =
        assertThrows(InvalidImageException.class, () -> ImageFormat.parse(text));

    assertEquals("format", error.field());
    assertTrue(error.getMessage().contains("JPEG, PNG"), error.getMessage());
  }
}
