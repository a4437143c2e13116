package dev.skillsync.oci;

import java.util.Locale;
import java.util.Set;

/** Media types and annotations of manifests and layers that the client recognises. */
final class MediaTypes {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    /** Indexes are asked for too, so that a registry answers with one instead of a 404 we could not explain. */
    static final String MANIFEST_ACCEPT =
            String.join(", ", OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_MANIFEST_LIST);

    static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
    static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);

    static final String FLUX_CONTENT_TAR_GZIP = "application/vnd.cncf.flux.content.v1.tar+gzip";
    static final String OCI_LAYER_TAR_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    static final String DOCKER_LAYER_TAR_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /** Media types of a single layer that holds the whole skill as a (gzipped) tar. */
    static final Set<String> SKILL_ARCHIVES =
            Set.of(FLUX_CONTENT_TAR_GZIP, OCI_LAYER_TAR_GZIP, OCI_LAYER_TAR, DOCKER_LAYER_TAR_GZIP);

    /** ORAS: the layer is one file (or, with {@link #ORAS_UNPACK}, one directory) at this path. */
    static final String TITLE_ANNOTATION = "org.opencontainers.image.title";
    /** ORAS: "true" when the layer is a gzipped tar of the directory named by the title. */
    static final String ORAS_UNPACK = "io.deis.oras.content.unpack";

    private MediaTypes() {}

    /** The media type without parameters such as {@code charset}, lower case; empty when absent. */
    static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
