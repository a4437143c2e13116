package dev.skillsync.content;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Maps from file path to file content, as this package keeps them. */
final class FileMaps {

    /**
     * Orders paths by their UTF-8 bytes, as the content hash requires. UTF-8 byte order is Unicode code point order,
     * which differs from {@link String#compareTo} (UTF-16 order) for characters beyond the Basic Multilingual Plane.
     */
    static final Comparator<String> UTF8_ORDER = FileMaps::compareCodePoints;

    private FileMaps() {}

    /** A sorted copy that shares no array with {@code files}, so later changes on either side stay apart. */
    static SortedMap<String, byte[]> sortedCopy(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>(UTF8_ORDER);
        files.forEach((path, content) -> copy.put(
                Objects.requireNonNull(path, "file path"),
                Objects.requireNonNull(content, () -> "content of " + path).clone()));
        return copy;
    }

    static long totalSize(Map<String, byte[]> files) {
        return files.values().stream().mapToLong(content -> content.length).sum();
    }

    static boolean contentEquals(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.size() == b.size()
                && a.entrySet().stream()
                        .allMatch(entry -> b.containsKey(entry.getKey())
                                && Arrays.equals(entry.getValue(), b.get(entry.getKey())));
    }

    static int contentHashCode(Map<String, byte[]> files) {
        return files.entrySet().stream()
                .mapToInt(entry -> entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue()))
                .sum();
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length()) {
            int codePointA = a.codePointAt(i);
            int codePointB = b.codePointAt(i);
            if (codePointA != codePointB) {
                return Integer.compare(codePointA, codePointB);
            }
            // Equal code points take the same number of chars, so one index serves both strings.
            i += Character.charCount(codePointA);
        }
        return Integer.compare(a.length() - i, b.length() - i);
    }
}
