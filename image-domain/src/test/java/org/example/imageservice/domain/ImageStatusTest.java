package org.example.imageservice.domain;

import static org.example.imageservice.domain.ImageStatus.FAILED;
import static org.example.imageservice.domain.ImageStatus.PROCESSED;
import static org.example.imageservice.domain.ImageStatus.PROCESSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageStatusTest {

  @Test
  void allowsOnlyTheDocumentedMoves() {
    assertTrue(PROCESSING.canMoveTo(PROCESSED));
    assertTrue(PROCESSING.canMoveTo(FAILED));
    assertTrue(FAILED.canMoveTo(PROCESSING));
    assertFalse(PROCESSED.canMoveTo(FAILED));
    assertFalse(PROCESSED.canMoveTo(PROCESSING));
    assertFalse(FAILED.canMoveTo(PROCESSED));
  }

  @Test
  void stayingInTheSameStatusIsAllowed() {
    for (ImageStatus status : ImageStatus.values()) {
      assertTrue(status.canMoveTo(status), status.label());
    }
  }

  @Test
  void parseReadsLabelsIgnoringCase() {
    assertEquals(PROCESSED, ImageStatus.parse("processed", "img_status"));
    assertEquals(FAILED, ImageStatus.parse("Failed", "img_status"));
  }

  @Test
  void parseRejectsUnknownStatusNamingTheGivenField() {
    InvalidImageException error =
        assertThrows(InvalidImageException.class, () -> ImageStatus.parse("Bogus", "status"));

    assertEquals("status", error.field());
  }
}
