package dev.skillsync.fake;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of a skill version held by the fake.
 *
 * @param version what the fake's dialect addresses the version by: under the beta shapes the Unix epoch microsecond
 *                identifier, under GA the opaque {@link #id()}
 * @param files   the uploaded files by full path ("pdf-tools/SKILL.md"); copies, so callers cannot alter the fake
 */
public record FakeVersion(
        String id,
        String skillId,
        String version,
        String name,
        String description,
        String directory,
        Instant createdAt,
        SortedMap<String, byte[]> files) {

    public FakeVersion {
        files = copyOf(files);
    }

    /** This version as a dialect identifies it. */
    FakeVersion identifiedAs(FakeDialect dialect) {
        return dialect == FakeDialect.GA
                ? new FakeVersion(id, skillId, id, name, description, directory, createdAt, files)
                : this;
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
