package dev.skillsync.skillsapi;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a skill upload.
 *
 * @param path    the path the API stores it under, starting with the skill directory, e.g. {@code pdf-tools/SKILL.md}
 * @param content the file's bytes
 */
public record UploadFile(String path, byte[] content) {

    public UploadFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("upload file path must not be blank");
        }
        Objects.requireNonNull(content, () -> "content of " + path);
    }

    // The array component needs value semantics, which a record does not give it.
    @Override
    public boolean equals(Object other) {
        return other instanceof UploadFile file && path.equals(file.path) && Arrays.equals(content, file.content);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "UploadFile[" + path + ", " + content.length + " bytes]";
    }
}
