package dev.skillsync.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/** Kubernetes objects parsed from a multi-document YAML stream, such as Helm's or kustomize's output. */
record Manifests(List<HasMetadata> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Manifests parse(String multiDocumentYaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                // Empty documents (a bare "---", or a template that rendered nothing) hold no object.
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(SERIALIZATION.convertValue(document, HasMetadata.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid YAML:\n" + multiDocumentYaml, e);
        }
        return new Manifests(List.copyOf(objects));
    }

    /** Objects as JSON trees, to compare whatever their Java types. */
    static List<JsonNode> asJson(List<HasMetadata> objects) {
        return objects.stream()
                .map(object -> SERIALIZATION.convertValue(object, JsonNode.class))
                .toList();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T single(Class<T> type) {
        List<T> matches = all(type);
        if (matches.size() != 1) {
            throw new AssertionError(
                    "Expected one " + type.getSimpleName() + " but found " + matches.size() + " in " + describe());
        }
        return matches.get(0);
    }

    <T extends HasMetadata> T named(Class<T> type, String namespace, String name) {
        return all(type).stream()
                .filter(o -> Objects.equals(namespace, o.getMetadata().getNamespace())
                        && name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        "No " + type.getSimpleName() + " " + namespace + "/" + name + " in " + describe()));
    }

    /** kind namespace/name of every object, for failure messages. */
    List<String> describe() {
        return objects.stream()
                .map(o -> o.getKind() + " " + o.getMetadata().getNamespace() + "/"
                        + o.getMetadata().getName())
                .toList();
    }
}
