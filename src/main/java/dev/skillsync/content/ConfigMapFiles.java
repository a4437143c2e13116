package dev.skillsync.content;

import dev.skillsync.resource.KeyToPath;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a skill's files from a ConfigMap the way a ConfigMap volume would: every key at the root, or the keys the
 * items name at the items' paths.
 */
public final class ConfigMapFiles {

    private ConfigMapFiles() {}

    /**
     * @param items key-to-path mappings; null or empty means every {@code data} and {@code binaryData} key is a file
     *              at the skill root, named after its key
     */
    public static SkillFiles extract(ConfigMap configMap, List<KeyToPath> items) throws InvalidContentException {
        Source source = new Source(configMap);
        Problems problems = new Problems();
        source.keysInBoth()
                .forEach(key -> problems.add(source.where() + ": key " + Quote.of(key)
                        + " is in both data and binaryData; keep it in one of them"));
        problems.throwIfAny();
        Map<String, byte[]> files =
                items == null || items.isEmpty() ? everyKey(source, problems) : selectedKeys(source, items, problems);
        problems.throwIfAny();
        return SkillFiles.of(files);
    }

    private static Map<String, byte[]> everyKey(Source source, Problems problems) throws InvalidContentException {
        List<String> keys = source.keys();
        if (keys.isEmpty()) {
            throw new InvalidContentException(source.where() + " has no data or binaryData keys; add SKILL.md and "
                    + "the skill's other files to it");
        }
        Map<String, byte[]> files = new HashMap<>();
        for (String key : keys) {
            try {
                SkillPaths.checkRelative(key);
            } catch (InvalidContentException e) {
                problems.add(source.where() + ": key " + Quote.of(key) + ": " + e.getMessage());
                continue;
            }
            try {
                files.put(key, source.content(key));
            } catch (InvalidContentException e) {
                problems.add(e);
            }
        }
        return files;
    }

    private static Map<String, byte[]> selectedKeys(Source source, List<KeyToPath> items, Problems problems) {
        Map<String, byte[]> files = new HashMap<>();
        Map<String, Integer> itemByPath = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            KeyToPath item = items.get(i);
            String where = source.where() + " items[" + i + "]";
            if (item == null || item.getKey() == null || item.getKey().isEmpty()) {
                problems.add(where + " has no key; name a data or binaryData key");
                continue;
            }
            String key = item.getKey();
            String path = item.getPath();
            where += " (key " + Quote.of(key) + ")";
            try {
                SkillPaths.checkRelative(path);
            } catch (InvalidContentException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            Integer earlier = itemByPath.putIfAbsent(path, i);
            if (earlier != null) {
                problems.add(where + " maps to path " + Quote.of(path) + ", as items[" + earlier
                        + "] does; give each item its own path");
                continue;
            }
            if (!source.has(key)) {
                problems.add(source.where() + " has no key " + Quote.of(key) + " (items[" + i + "]); add it to data "
                        + "or binaryData, or correct the item's key");
                continue;
            }
            try {
                files.put(path, source.content(key));
            } catch (InvalidContentException e) {
                problems.add(e);
            }
        }
        return files;
    }

    /** The ConfigMap's two key spaces, and how to name the ConfigMap in messages. */
    private static final class Source {

        private final Map<String, String> data;
        private final Map<String, String> binaryData;
        private final String where;

        Source(ConfigMap configMap) {
            this.data = Objects.requireNonNullElse(configMap.getData(), Map.of());
            this.binaryData = Objects.requireNonNullElse(configMap.getBinaryData(), Map.of());
            ObjectMeta metadata = Objects.requireNonNullElseGet(configMap.getMetadata(), ObjectMeta::new);
            String name = metadata.getNamespace() == null
                    ? String.valueOf(metadata.getName())
                    : metadata.getNamespace() + "/" + metadata.getName();
            this.where = "ConfigMap " + Quote.of(name);
        }

        String where() {
            return where;
        }

        List<String> keysInBoth() {
            return data.keySet().stream()
                    .filter(binaryData::containsKey)
                    .sorted()
                    .toList();
        }

        List<String> keys() {
            return Stream.concat(data.keySet().stream(), binaryData.keySet().stream())
                    .sorted()
                    .toList();
        }

        boolean has(String key) {
            return data.containsKey(key) || binaryData.containsKey(key);
        }

        /** {@code data} holds UTF-8 text; {@code binaryData} arrives base64-encoded from the API server. */
        byte[] content(String key) throws InvalidContentException {
            if (data.containsKey(key)) {
                return Objects.requireNonNullElse(data.get(key), "").getBytes(StandardCharsets.UTF_8);
            }
            try {
                return Base64.getDecoder().decode(Objects.requireNonNullElse(binaryData.get(key), ""));
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException(where + ": binaryData key " + Quote.of(key)
                        + " is not valid base64; store the file's bytes base64-encoded");
            }
        }
    }
}
