package dev.skillsync.oci;

import java.io.IOException;

/** Thrown from inside a stream when an artifact outgrows a {@link SizeBudget}. */
final class ContentTooLargeException extends IOException {

    ContentTooLargeException(String message) {
        super(message);
    }
}
