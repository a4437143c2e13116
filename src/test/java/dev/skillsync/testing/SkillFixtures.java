package dev.skillsync.testing;

import dev.skillsync.Constants;
import dev.skillsync.resource.ConfigMapSource;
import dev.skillsync.resource.KeyToPath;
import dev.skillsync.resource.Retention;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillSource;
import dev.skillsync.resource.SkillSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders for the ConfigMaps and Skills the scenario tests apply. */
public final class SkillFixtures {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    private SkillFixtures() {}

    /** A namespace of its own for each test, so tests sharing one operator never see each other's objects. */
    public static String uniqueNamespace(String prefix) {
        return prefix + "-" + NAMESPACES.incrementAndGet();
    }

    public static String skillMd(String name, String description) {
        return "---\nname: " + name + "\ndescription: " + description + "\n---\n\n# " + name + "\n\nUse it well.\n";
    }

    public static Map<String, String> files(String name, String description, String script) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("SKILL.md", skillMd(name, description));
        data.put("run.py", script);
        return data;
    }

    public static ConfigMap configMap(String namespace, String name, boolean watched, Map<String, String> data) {
        var metadata = new ObjectMetaBuilder().withName(name).withNamespace(namespace);
        if (watched) {
            metadata.addToLabels(Constants.SOURCE_LABEL, "true");
        }
        return new ConfigMapBuilder()
                .withMetadata(metadata.build())
                .withData(data)
                .build();
    }

    public static Skill newSkill(String namespace, String name, String configMapName) {
        return newSkill(namespace, name, configMapName, null);
    }

    public static Skill newSkill(String namespace, String name, String configMapName, List<KeyToPath> items) {
        SkillSource source = new SkillSource();
        source.setConfigMap(new ConfigMapSource(configMapName, items));
        return newSkill(namespace, name, source);
    }

    public static Skill newSkill(String namespace, String name, SkillSource source) {
        Skill skill = new Skill();
        skill.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        SkillSpec spec = new SkillSpec();
        spec.setSource(source);
        spec.setRetention(new Retention(Retention.DEFAULT_MAX_VERSIONS));
        skill.setSpec(spec);
        return skill;
    }

    /** The files as UTF-8 bytes, by path. */
    public static SortedMap<String, byte[]> asBytes(Map<String, String> files) {
        SortedMap<String, byte[]> bytes = new TreeMap<>();
        files.forEach((path, content) -> bytes.put(path, content.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /** The same files, each under the directory: as the Skills API receives a skill's files. */
    public static SortedMap<String, byte[]> under(String directory, Map<String, byte[]> files) {
        SortedMap<String, byte[]> nested = new TreeMap<>();
        files.forEach((path, content) -> nested.put(directory + "/" + path, content));
        return nested;
    }

    /** Byte arrays compare by identity: tests compare files as text. */
    public static Map<String, String> asText(Map<String, byte[]> files) {
        SortedMap<String, String> text = new TreeMap<>();
        files.forEach((path, content) -> text.put(path, new String(content, StandardCharsets.UTF_8)));
        return text;
    }
}
