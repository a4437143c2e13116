package dev.skillsync.oci;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a pulled artifact.
 *
 * @param digest the manifest digest that was pulled ({@code sha256:...})
 * @param files  content by path relative to the skill root (a single top-level directory is already stripped)
 */
public record PulledArtifact(String digest, SortedMap<String, byte[]> files) {

    public PulledArtifact {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
