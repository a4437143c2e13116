package dev.skillsync.oci;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files gathered from an artifact's layers, keyed by normalised path. */
final class ArtifactFiles {

    private final SortedMap<String, byte[]> files = new TreeMap<>();

    void add(String path, byte[] content, String what) throws OciException {
        if (files.putIfAbsent(path, content) != null) {
            throw invalid(what + " holds " + ArtifactPaths.display(path) + ", a path the artifact already has");
        }
    }

    /**
     * The files relative to the skill root: when every file lies inside one top-level directory, that directory
     * is the root and its name is dropped.
     *
     * @throws OciException INVALID_CONTENT when there is no file, or a path is both a file and a directory
     */
    SortedMap<String, byte[]> relativeToSkillRoot() throws OciException {
        if (files.isEmpty()) {
            throw invalid("the artifact contains no files");
        }
        for (String path : files.keySet()) {
            String inside =
                    files.tailMap(path + "/").keySet().stream().findFirst().orElse("");
            if (inside.startsWith(path + "/")) {
                throw invalid("the artifact has " + ArtifactPaths.display(path)
                        + " both as a file and as the directory of " + ArtifactPaths.display(inside));
            }
        }
        String first = files.firstKey();
        int slash = first.indexOf('/');
        String topDirectory = slash < 0 ? null : first.substring(0, slash + 1);
        if (topDirectory == null || !files.keySet().stream().allMatch(path -> path.startsWith(topDirectory))) {
            return Collections.unmodifiableSortedMap(files);
        }
        SortedMap<String, byte[]> stripped = new TreeMap<>();
        files.forEach((path, content) -> stripped.put(path.substring(topDirectory.length()), content));
        return Collections.unmodifiableSortedMap(stripped);
    }

    private static OciException invalid(String message) {
        return new OciException(OciException.Kind.INVALID_CONTENT, message);
    }
}
