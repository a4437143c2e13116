package dev.skillsync.bench;

import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillFixtures;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.stream.IntStream;

/**
 * The Skills the benchmark syncs: {@code count} of them in one namespace, each from its own labelled ConfigMap holding
 * a small valid skill (SKILL.md with front matter, and a script whose text names the content revision).
 */
final class BenchSkills {

    static final String NAMESPACE = "bench";
    private static final String UNRELATED_DATA = "x".repeat(1024);

    private final int count;
    private final String nameFormat;

    BenchSkills(int count) {
        this.count = count;
        // Zero-padded so that the names sort in creation order.
        this.nameFormat = "bench-%0" + Integer.toString(count).length() + "d";
    }

    int count() {
        return count;
    }

    IntStream indexes() {
        return IntStream.rangeClosed(1, count);
    }

    String name(int index) {
        return String.format(nameFormat, index);
    }

    ConfigMap configMap(int index, int revision) {
        String name = name(index);
        return SkillFixtures.configMap(
                NAMESPACE,
                configMapName(index),
                true,
                SkillFixtures.files(
                        name,
                        "Benchmark skill number " + index + ". Use it to measure the operator.",
                        "print('" + name + " revision " + revision + "')\n"));
    }

    Skill skill(int index) {
        return SkillFixtures.newSkill(NAMESPACE, name(index), configMapName(index));
    }

    /** A ConfigMap no Skill uses, of about 1 KiB, unlabelled as most of a cluster's are. */
    static ConfigMap unrelatedConfigMap(int index) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace(NAMESPACE)
                .withName("unrelated-" + index)
                .endMetadata()
                .addToData("settings.properties", UNRELATED_DATA)
                .build();
    }

    /** A Secret no Skill uses, of about 1 KiB. */
    static Secret unrelatedSecret(int index) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace(NAMESPACE)
                .withName("unrelated-" + index)
                .endMetadata()
                .addToStringData("token", UNRELATED_DATA)
                .build();
    }

    private String configMapName(int index) {
        return name(index) + "-files";
    }
}
