package dev.skillsync.oci;

import java.util.Map;
import java.util.SortedMap;

/** A layer to push: its media type, content and annotations, in the layouts that ORAS and Flux produce. */
public record TestLayer(String mediaType, byte[] content, Map<String, String> annotations) {

    /** What {@code oras push} makes of a file: a layer titled with its path, media type tar by ORAS default. */
    public static TestLayer orasFile(String path, byte[] content) {
        return new TestLayer(MediaTypes.OCI_LAYER_TAR, content, Map.of(MediaTypes.TITLE_ANNOTATION, path));
    }

    /** What {@code oras push} makes of a directory: a gzipped tar of it, entries under its name, marked to unpack. */
    static TestLayer orasDirectory(String directory, SortedMap<String, byte[]> files) {
        TarBuilder tar = new TarBuilder().directory(directory + "/");
        files.forEach((path, content) -> tar.file(directory + "/" + path, content));
        byte[] tarball = tar.build();
        return new TestLayer(
                MediaTypes.OCI_LAYER_TAR_GZIP,
                TarBuilder.gzip(tarball),
                Map.of(
                        MediaTypes.TITLE_ANNOTATION,
                        directory,
                        MediaTypes.ORAS_UNPACK,
                        "true",
                        "io.deis.oras.content.digest",
                        Digests.sha256(tarball)));
    }

    /** What {@code flux push artifact} makes of a directory: one gzipped tar of its files, at the tar's root. */
    public static TestLayer fluxArchive(SortedMap<String, byte[]> files) {
        return fluxArchive(TarBuilder.gzip(TarBuilder.tarOf(files)));
    }

    /** A Flux layer of this gzipped tar, whatever it holds. */
    public static TestLayer fluxArchive(byte[] gzippedTar) {
        return archive(MediaTypes.FLUX_CONTENT_TAR_GZIP, gzippedTar);
    }

    public static TestLayer archive(String mediaType, byte[] content) {
        return new TestLayer(mediaType, content, Map.of());
    }
}
