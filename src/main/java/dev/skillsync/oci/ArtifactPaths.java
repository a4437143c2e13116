package dev.skillsync.oci;

import java.util.ArrayList;
import java.util.List;

/** File paths named by an artifact (layer titles, tar entry names), made relative and safe. */
final class ArtifactPaths {

    private static final int MAX_DISPLAY_LENGTH = 200;

    private ArtifactPaths() {}

    /**
     * The path with {@code .} and empty segments dropped ({@code ./SKILL.md} is {@code SKILL.md}); the empty string
     * for the root itself.
     *
     * @throws OciException INVALID_CONTENT for absolute paths and paths with a {@code ..} segment
     */
    static String normalize(String path, String what) throws OciException {
        if (path.startsWith("/")) {
            throw invalid(what + " has the absolute path " + display(path) + "; only relative paths are allowed");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw invalid(what + " has the path " + display(path) + ", which leaves its directory with ..");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    /**
     * The path as it may appear in an error message: an archive can name entries with control characters or
     * thousands of characters, which do not belong in a status condition.
     */
    static String display(String path) {
        String printable = path.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > MAX_DISPLAY_LENGTH ? printable.substring(0, MAX_DISPLAY_LENGTH) + "..." : printable;
    }

    static boolean isWithin(String path, String directory) {
        return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
    }

    private static OciException invalid(String message) {
        return new OciException(OciException.Kind.INVALID_CONTENT, message);
    }
}
