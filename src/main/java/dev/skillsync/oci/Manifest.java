package dev.skillsync.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of an image manifest (OCI or Docker schema 2) that locate an artifact's content. */
record Manifest(String mediaType, List<Layer> layers) {

    /** A layer descriptor; the digest is validated, since it becomes part of a URL. */
    record Layer(String mediaType, String digest, long size, Map<String, String> annotations) {

        String annotation(String name) {
            return annotations.get(name);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    Manifest {
        layers = List.copyOf(layers);
    }

    /**
     * @param contentType the media type the registry sent, used when the document does not name its own
     * @throws OciException INVALID_CONTENT for indexes, other manifest kinds and malformed documents
     */
    static Manifest parse(byte[] content, String contentType, String what) throws OciException {
        JsonNode document;
        try {
            document = JSON.readTree(content);
        } catch (IOException e) {
            throw invalid(what + " is not valid JSON");
        }
        if (document == null || !document.isObject()) {
            throw invalid(what + " is not a JSON object");
        }
        String mediaType = document.path("mediaType").asText(contentType);
        if (document.has("manifests") && !document.has("layers")) {
            throw notAnArtifact(what, mediaType.isEmpty() ? MediaTypes.OCI_INDEX : mediaType);
        }
        if (MediaTypes.INDEXES.contains(mediaType)) {
            throw notAnArtifact(what, mediaType);
        }
        // The OCI spec lets a manifest omit its media type; registries then send a generic JSON type.
        boolean unnamed = mediaType.isEmpty() || mediaType.equals("application/json");
        if (document.path("schemaVersion").asInt() != 2 || !(unnamed || MediaTypes.MANIFESTS.contains(mediaType))) {
            throw invalid(what + " has media type " + (mediaType.isEmpty() ? "(none)" : mediaType) + "; supported are "
                    + MediaTypes.OCI_MANIFEST + " and " + MediaTypes.DOCKER_MANIFEST);
        }
        JsonNode layerNodes = document.path("layers");
        if (!layerNodes.isArray()) {
            throw invalid(what + " has no layers array");
        }
        List<Layer> layers = new ArrayList<>();
        for (JsonNode node : layerNodes) {
            layers.add(layer(node, what));
        }
        return new Manifest(mediaType, layers);
    }

    private static Layer layer(JsonNode node, String what) throws OciException {
        String digest = node.path("digest").asText("");
        if (!Digests.isValid(digest)) {
            throw invalid(what + " has a layer with an invalid digest '" + digest + "'");
        }
        String mediaType = node.path("mediaType").asText("");
        JsonNode size = node.path("size");
        if (mediaType.isEmpty() || !size.isIntegralNumber() || size.asLong() < 0) {
            throw invalid(what + " has a layer without media type or size: " + digest);
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> annotation : node.path("annotations").properties()) {
            annotations.put(annotation.getKey(), annotation.getValue().asText());
        }
        return new Layer(mediaType, digest, size.asLong(), Map.copyOf(annotations));
    }

    /** An image index lists manifests (one per platform, say) instead of holding content. */
    static OciException notAnArtifact(String what, String indexMediaType) {
        return invalid(what + " is an image index (" + indexMediaType + "), which lists several manifests:"
                + " point the Skill at the tag or digest of a single artifact");
    }

    private static OciException invalid(String message) {
        return new OciException(OciException.Kind.INVALID_CONTENT, message);
    }
}
