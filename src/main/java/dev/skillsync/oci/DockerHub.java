package dev.skillsync.oci;

import java.util.Set;

/** Docker Hub's several names: the one users write, the API host, and the key `docker login` stores. */
final class DockerHub {

    static final String API_HOST = "registry-1.docker.io";
    /** Namespace of official images, implied by a single-component name such as {@code alpine}. */
    static final String OFFICIAL_NAMESPACE = "library/";

    static final Set<String> HOSTS = Set.of("docker.io", "index.docker.io", API_HOST);

    private DockerHub() {}

    static boolean isDockerHub(String host) {
        return HOSTS.contains(host);
    }
}
