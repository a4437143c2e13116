package dev.skillsync.content;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Validated content, ready to upload.
 *
 * @param manifest    the front matter of {@code SKILL.md}
 * @param uploadFiles files by uploaded path {@code <name>/<relative path>}, in UTF-8 byte order of the paths
 * @param contentHash {@link ContentHash} of exactly {@code uploadFiles}
 */
public record SkillBundle(SkillManifest manifest, SortedMap<String, byte[]> uploadFiles, String contentHash) {

    public SkillBundle {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(uploadFiles, "uploadFiles");
        uploadFiles = Collections.unmodifiableSortedMap(FileMaps.sortedCopy(uploadFiles));
    }

    /** A copy the caller owns: the arrays must not change under the content hash. */
    @Override
    public SortedMap<String, byte[]> uploadFiles() {
        return FileMaps.sortedCopy(uploadFiles);
    }

    /** Sum of the uploaded file sizes in bytes, uncompressed. */
    public long totalSize() {
        return FileMaps.totalSize(uploadFiles);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkillBundle that
                && manifest.equals(that.manifest)
                && contentHash.equals(that.contentHash)
                && FileMaps.contentEquals(uploadFiles, that.uploadFiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(manifest, contentHash, FileMaps.contentHashCode(uploadFiles));
    }

    @Override
    public String toString() {
        return "SkillBundle[name=" + manifest.name() + ", files=" + uploadFiles.size() + ", bytes=" + totalSize()
                + ", contentHash=" + contentHash + "]";
    }
}
