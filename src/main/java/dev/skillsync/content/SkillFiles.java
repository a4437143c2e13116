package dev.skillsync.content;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;

/**
 * The files of one skill, by path relative to the skill root, as read from a source. Immutable: it keeps its own
 * copies and hands out copies. Not validated; {@link SkillValidator} does that.
 */
public final class SkillFiles {

    private final SortedMap<String, byte[]> files;
    private final long totalSize;

    private SkillFiles(SortedMap<String, byte[]> files) {
        this.files = Collections.unmodifiableSortedMap(files);
        this.totalSize = FileMaps.totalSize(files);
    }

    public static SkillFiles of(Map<String, byte[]> filesByRelativePath) {
        return new SkillFiles(FileMaps.sortedCopy(filesByRelativePath));
    }

    /** A copy the caller owns, sorted by path in UTF-8 byte order. */
    public SortedMap<String, byte[]> asMap() {
        return FileMaps.sortedCopy(files);
    }

    /** The files without copying, for this package only, whose code never writes into the arrays. */
    SortedMap<String, byte[]> view() {
        return files;
    }

    /** Sum of the file sizes in bytes, uncompressed. */
    public long totalSize() {
        return totalSize;
    }

    public int size() {
        return files.size();
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkillFiles that && FileMaps.contentEquals(files, that.files);
    }

    @Override
    public int hashCode() {
        return FileMaps.contentHashCode(files);
    }

    @Override
    public String toString() {
        return "SkillFiles" + files.keySet() + " (" + totalSize + " bytes)";
    }
}
