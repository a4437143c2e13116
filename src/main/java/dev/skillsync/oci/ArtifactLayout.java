package dev.skillsync.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which layers of an artifact hold which files. Two layouts that real tools produce are accepted: ORAS, where
 * each layer is one file (or a gzipped tar of one directory) named by its title annotation, and a single tar or
 * gzipped tar layer holding the whole skill (Flux, image-layer tools).
 */
final class ArtifactLayout {

    enum Content {
        /** The blob is the file at the part's path. */
        FILE,
        /** The blob is a (gzipped) tar whose entries lie in the directory at the part's path. */
        DIRECTORY_ARCHIVE,
        /** The blob is a (gzipped) tar of the whole skill. */
        ROOT_ARCHIVE
    }

    /** One layer and what to make of it; the path is empty for {@link Content#ROOT_ARCHIVE}. */
    record Part(Manifest.Layer layer, Content content, String path) {

        String describe() {
            return "layer " + layer.digest() + (path.isEmpty() ? "" : " (" + ArtifactPaths.display(path) + ")");
        }
    }

    private ArtifactLayout() {}

    /** @throws OciException INVALID_CONTENT for any other layout, naming the media types found */
    static List<Part> plan(Manifest manifest) throws OciException {
        List<Manifest.Layer> layers = manifest.layers();
        if (layers.isEmpty()) {
            throw invalid("the artifact has no layers");
        }
        long titled = layers.stream().filter(layer -> title(layer) != null).count();
        if (titled == layers.size()) {
            List<Part> parts = new ArrayList<>();
            for (Manifest.Layer layer : layers) {
                parts.add(orasPart(layer));
            }
            return parts;
        }
        Manifest.Layer only = layers.get(0);
        if (titled == 0 && layers.size() == 1 && MediaTypes.SKILL_ARCHIVES.contains(only.mediaType())) {
            return List.of(new Part(only, Content.ROOT_ARCHIVE, ""));
        }
        Set<String> found = new TreeSet<>();
        layers.forEach(layer -> found.add(layer.mediaType()));
        throw invalid("the artifact's " + layers.size() + " layer(s) have media types " + String.join(", ", found)
                + (titled > 0 ? " and only " + titled + " have an " + MediaTypes.TITLE_ANNOTATION + " annotation" : "")
                + "; a skill artifact is either ORAS files (every layer annotated with "
                + MediaTypes.TITLE_ANNOTATION + ") or a single layer of type "
                + String.join(", ", new TreeSet<>(MediaTypes.SKILL_ARCHIVES)));
    }

    private static Part orasPart(Manifest.Layer layer) throws OciException {
        String what = "layer " + layer.digest() + " titled " + ArtifactPaths.display(title(layer));
        String path = ArtifactPaths.normalize(title(layer), what);
        if ("true".equals(layer.annotation(MediaTypes.ORAS_UNPACK))) {
            return new Part(layer, Content.DIRECTORY_ARCHIVE, path);
        }
        if (path.isEmpty()) {
            throw invalid(what + " is a file without a name");
        }
        return new Part(layer, Content.FILE, path);
    }

    private static String title(Manifest.Layer layer) {
        String title = layer.annotation(MediaTypes.TITLE_ANNOTATION);
        return title == null || title.isBlank() ? null : title;
    }

    private static OciException invalid(String message) {
        return new OciException(OciException.Kind.INVALID_CONTENT, message);
    }
}
