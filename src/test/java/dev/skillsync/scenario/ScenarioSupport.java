package dev.skillsync.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.Constants;
import dev.skillsync.fake.FakeSkill;
import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What every scenario test uses: the cluster, the fake Skills API, and waits on what a user would watch. */
abstract class ScenarioSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    KubernetesClient k8s() {
        return SkillsyncTestEnvironment.kubernetes();
    }

    FakeSkillsApi api() {
        return SkillsyncTestEnvironment.skillsApi();
    }

    Resource<Skill> skill(String namespace, String name) {
        return k8s().resources(Skill.class).inNamespace(namespace).withName(name);
    }

    Skill create(Skill skill) {
        ensureNamespace(skill.getMetadata().getNamespace());
        return k8s().resource(skill).create();
    }

    ConfigMap create(ConfigMap configMap) {
        ensureNamespace(configMap.getMetadata().getNamespace());
        return k8s().resource(configMap).create();
    }

    /** A real API server refuses objects in a namespace that does not exist; tests use a new one each. */
    void ensureNamespace(String namespace) {
        if (k8s().namespaces().withName(namespace).get() == null) {
            k8s().namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    /** Adds or replaces one file of a skill's ConfigMap, as a user editing it would. */
    void putFile(String namespace, String configMap, String key, String content) {
        k8s().configMaps().inNamespace(namespace).withName(configMap).edit(cm -> {
            cm.getData().put(key, content);
            return cm;
        });
    }

    static Optional<Condition> condition(Skill skill, String type) {
        return skill == null || skill.getStatus() == null
                ? Optional.empty()
                : skill.getStatus().condition(type);
    }

    /** Asks for a reconcile now, as a user would with the annotation. */
    void requestReconcile(String namespace, String name, String value) {
        skill(namespace, name).edit(s -> {
            s.getMetadata().getAnnotations().put(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, value);
            return s;
        });
    }

    /** The remote skills titled as the operator titles this Skill by default. */
    List<FakeSkill> remoteSkillsOf(String namespace, String name) {
        String title = namespace + "/" + name;
        return api().skills().stream()
                .filter(s -> title.equals(s.displayTitle()))
                .toList();
    }

    /** Skills API calls so far that name this skill. */
    long callsFor(String skillId) {
        return api().calls().stream().filter(c -> c.path().contains(skillId)).count();
    }

    /** Skills API calls so far that would change this skill. */
    long writeCallsFor(String skillId) {
        return api().calls().stream()
                .filter(c -> c.path().contains(skillId) && c.isWrite())
                .count();
    }

    static boolean hasCondition(Skill skill, String type, String status, String reason) {
        return condition(skill, type)
                .filter(c -> status.equals(c.getStatus()) && reason.equals(c.getReason()))
                .isPresent();
    }

    /** Waits until Ready has the given status and reason, and returns the Skill as it is then. */
    Skill awaitReady(String namespace, String name, String status, String reason) {
        await().atMost(TIMEOUT)
                .alias("Skill " + namespace + "/" + name + " Ready=" + status + " " + reason)
                .untilAsserted(() -> {
                    Skill skill = skill(namespace, name).get();
                    assertThat(hasCondition(skill, "Ready", status, reason))
                            .as("conditions of %s/%s: %s", namespace, name, describeConditions(skill))
                            .isTrue();
                });
        return skill(namespace, name).get();
    }

    /** What a user reads in {@code kubectl describe}: each condition's type, status, reason and message. */
    static String describeConditions(Skill skill) {
        if (skill == null) {
            return "the Skill does not exist";
        }
        if (skill.getStatus() == null || skill.getStatus().getConditions() == null) {
            return "no status yet";
        }
        return skill.getStatus().getConditions().stream()
                .map(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason() + ": " + c.getMessage())
                .toList()
                .toString();
    }

    Skill awaitSynced(String namespace, String name) {
        return awaitReady(namespace, name, "True", "Synced");
    }

    List<Event> events(String namespace, String skillName) {
        return k8s().v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> skillName.equals(e.getInvolvedObject().getName()))
                .toList();
    }

    boolean hasEvent(String namespace, String skillName, String type, String reason) {
        return events(namespace, skillName).stream()
                .anyMatch(e -> type.equals(e.getType()) && reason.equals(e.getReason()));
    }
}
