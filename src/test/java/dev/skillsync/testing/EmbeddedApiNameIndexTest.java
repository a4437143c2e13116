package dev.skillsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded API answers lookups by name from an index of its objects: every change a client can make must leave
 * the index answering exactly what the objects are, as the mock answered by comparing all of them.
 */
class EmbeddedApiNameIndexTest {

    private static EmbeddedKubernetes kubernetes;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        kubernetes = EmbeddedKubernetes.start();
        client = kubernetes.client();
    }

    @AfterAll
    static void stop() {
        kubernetes.close();
    }

    @Test
    void theSameNameInTwoNamespacesIsTwoObjectsAndDeletingOneLeavesTheOther() {
        client.resource(configMap("index-a", "shared", Map.of("from", "a"))).create();
        client.resource(configMap("index-b", "shared", Map.of("from", "b"))).create();

        assertThat(configMapData("index-a", "shared")).containsEntry("from", "a");
        assertThat(configMapData("index-b", "shared")).containsEntry("from", "b");

        client.configMaps().inNamespace("index-a").withName("shared").delete();

        assertThat(client.configMaps().inNamespace("index-a").withName("shared").get())
                .isNull();
        assertThat(configMapData("index-b", "shared")).containsEntry("from", "b");
    }

    @Test
    void anObjectNeverCreatedIsNotFoundAndAnUnknownNameIsNotFoundBesideAKnownOne() {
        client.resource(configMap("index-c", "known", Map.of())).create();

        assertThat(client.configMaps()
                        .inNamespace("index-c")
                        .withName("unknown")
                        .get())
                .isNull();
        assertThat(client.configMaps()
                        .inNamespace("index-other")
                        .withName("known")
                        .get())
                .isNull();
        assertThat(client.configMaps().inNamespace("index-c").withName("known").get())
                .isNotNull();
    }

    @Test
    void aChangeOfLabelsAndDataIsWhatTheNextGetAnswersAndTheNameStaysTaken() {
        client.resource(new ConfigMapBuilder(configMap("index-d", "relabelled", Map.of("v", "1")))
                        .editMetadata()
                        .addToLabels("stage", "one")
                        .endMetadata()
                        .build())
                .create();

        client.configMaps()
                .inNamespace("index-d")
                .withName("relabelled")
                .edit(cm -> new ConfigMapBuilder(cm)
                        .editMetadata()
                        .removeFromLabels("stage")
                        .addToLabels("stage", "two")
                        .endMetadata()
                        .addToData("v", "2")
                        .build());

        ConfigMap stored = client.configMaps()
                .inNamespace("index-d")
                .withName("relabelled")
                .get();
        assertThat(stored.getMetadata().getLabels()).containsEntry("stage", "two");
        assertThat(stored.getData()).containsEntry("v", "2");
        assertThat(client.configMaps()
                        .inNamespace("index-d")
                        .withLabel("stage", "one")
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(client.configMaps()
                        .inNamespace("index-d")
                        .withLabel("stage", "two")
                        .list()
                        .getItems())
                .extracting(cm -> cm.getMetadata().getName())
                .containsExactly("relabelled");
        assertThatThrownBy(() -> client.resource(configMap("index-d", "relabelled", Map.of()))
                        .create())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void aStatusPatchIsWhatTheNextGetAnswersAndKeepsTheSpec() {
        client.resource(SkillFixtures.newSkill("index-e", "patched", "files")).create();
        SkillStatus status = new SkillStatus();
        status.setSkillId("skill_index");

        client.resources(Skill.class).inNamespace("index-e").withName("patched").editStatus(skill -> {
            skill.setStatus(status);
            return skill;
        });

        Skill stored = client.resources(Skill.class)
                .inNamespace("index-e")
                .withName("patched")
                .get();
        assertThat(stored.getStatus().getSkillId()).isEqualTo("skill_index");
        assertThat(stored.getSpec().getSource().getConfigMap().getName()).isEqualTo("files");
    }

    @Test
    void anObjectWithAFinalizerIsMarkedOnDeleteAndGoneWithTheFinalizerAndItsNameIsFreeAgain() {
        Skill skill = SkillFixtures.newSkill("index-f", "finalized", "files");
        skill.getMetadata().setFinalizers(List.of("skillsync.dev/finalizer"));
        client.resource(skill).create();

        client.resources(Skill.class)
                .inNamespace("index-f")
                .withName("finalized")
                .delete();
        Skill marked = client.resources(Skill.class)
                .inNamespace("index-f")
                .withName("finalized")
                .get();
        assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();

        client.resources(Skill.class)
                .inNamespace("index-f")
                .withName("finalized")
                .edit(s -> {
                    s.getMetadata().setFinalizers(List.of());
                    return s;
                });
        assertThat(client.resources(Skill.class)
                        .inNamespace("index-f")
                        .withName("finalized")
                        .get())
                .isNull();

        client.resource(SkillFixtures.newSkill("index-f", "finalized", "other")).create();
        Skill again = client.resources(Skill.class)
                .inNamespace("index-f")
                .withName("finalized")
                .get();
        assertThat(again.getMetadata().getDeletionTimestamp()).isNull();
        assertThat(again.getSpec().getSource().getConfigMap().getName()).isEqualTo("other");
    }

    @Test
    void objectsCreatedWithAGeneratedNameAreFoundByTheNamesTheyWereGiven() {
        ConfigMap template = new ConfigMapBuilder()
                .withNewMetadata()
                .withGenerateName("generated-")
                .withNamespace("index-g")
                .endMetadata()
                .build();

        String first = client.resource(template).create().getMetadata().getName();
        String second = client.resource(template).create().getMetadata().getName();

        assertThat(first).startsWith("generated-").isNotEqualTo(second);
        assertThat(client.configMaps().inNamespace("index-g").withName(first).get())
                .isNotNull();
        assertThat(client.configMaps().inNamespace("index-g").withName(second).get())
                .isNotNull();
    }

    @Test
    void clusterScopedObjectsAreFoundByNameAndADeletedOneIsNotFound() {
        CustomResourceDefinition crd = client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("skills.skillsync.dev")
                .get();
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("Skill");

        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("index-h")
                        .addToLabels("kept", "yes")
                        .endMetadata()
                        .build())
                .create();
        // A namespaced object of the same name is another object.
        client.resource(configMap("index-h", "index-h", Map.of())).create();

        Namespace namespace = client.namespaces().withName("index-h").get();
        assertThat(namespace.getMetadata().getLabels()).containsEntry("kept", "yes");

        client.namespaces().withName("index-h").delete();

        assertThat(client.namespaces().withName("index-h").get()).isNull();
        assertThat(client.configMaps()
                        .inNamespace("index-h")
                        .withName("index-h")
                        .get())
                .isNotNull();
    }

    @Test
    void afterAResetNothingIsFoundAndObjectsCreatedAfterwardsAre() {
        var dispatcher = new EmbeddedApiDispatcher();
        var server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try (KubernetesClient own = server.createClient()) {
            own.resource(configMap("index-r", "before", Map.of())).create();
            own.resource(configMap("index-r", "again", Map.of("v", "1"))).create();

            dispatcher.reset();

            assertThat(own.configMaps()
                            .inNamespace("index-r")
                            .withName("before")
                            .get())
                    .isNull();
            assertThat(own.configMaps().inNamespace("index-r").withName("again").get())
                    .isNull();
            own.resource(configMap("index-r", "again", Map.of("v", "2"))).create();
            assertThat(own.configMaps()
                            .inNamespace("index-r")
                            .withName("again")
                            .get()
                            .getData())
                    .containsEntry("v", "2");
        } finally {
            server.destroy();
        }
    }

    private static ConfigMap configMap(String namespace, String name, Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withData(data)
                .build();
    }

    private static Map<String, String> configMapData(String namespace, String name) {
        return client.configMaps().inNamespace(namespace).withName(name).get().getData();
    }
}
