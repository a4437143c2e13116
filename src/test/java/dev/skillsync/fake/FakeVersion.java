package dev.skillsync.fake;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of a skill version held by the fake.
 *
 * @param version the Unix epoch microsecond identifier, as the API writes it
 * @param files   the uploaded files by full path ("pdf-tools/SKILL.md"); copies, so callers cannot alter the fake
 */
public record FakeVersion(String id, String skillId, String version, String name, String description,
                          String directory, Instant createdAt, SortedMap<String, byte[]> files) {

    public FakeVersion {
        files = copyOf(files);
    }

    @Override
    public SortedMap<String, byte[]> files() {
        return copyOf(files);
    }

    private static SortedMap<String, byte[]> copyOf(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, content) -> copy.put(path, content.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }
}
