package dev.skillsync.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.testing.EmbeddedKubernetes;
import dev.skillsync.testing.RealApiServerTest;
import dev.skillsync.testing.RealKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a real API server makes of {@code crds/}: it applies server-side and is Established, its OpenAPI schema and CEL
 * rules refuse each bad Skill with their own message (the embedded API checks none of them), and valid Skills come
 * back with the schema's defaults.
 */
@RealApiServerTest
class SkillCrdRealApiServerTest {

    private static final String CRD_NAME = "skills.skillsync.dev";
    private static final ResourceDefinitionContext SKILLS = new ResourceDefinitionContext.Builder()
            .withGroup("skillsync.dev")
            .withVersion("v1alpha1")
            .withPlural("skills")
            .withKind("Skill")
            .withNamespaced(true)
            .build();
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final String NAMESPACE = "crd-rules";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static RealKubernetes cluster;
    private static KubernetesClient admin;

    @BeforeAll
    static void startCluster() {
        cluster = RealKubernetes.shared();
        admin = cluster.admin();
        cluster.ensureNamespace(NAMESPACE);
    }

    @Test
    void theCrdAppliesServerSideAgainAndIsEstablished() {
        cluster.applyServerSide(EmbeddedKubernetes.CRD_FILE);

        CustomResourceDefinition crd = admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(CRD_NAME)
                .get();
        assertThat(RealKubernetes.established(crd)).isTrue();
        assertThat(crd.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("NamesAccepted");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        assertThat(crd.getMetadata().getManagedFields()).anySatisfy(f -> {
            assertThat(f.getManager()).isEqualTo("skillsync-tests");
            assertThat(f.getOperation()).isEqualTo("Apply");
        });
        assertThat(crd.getStatus().getAcceptedNames().getShortNames())
                .isEqualTo(crd.getSpec().getNames().getShortNames());
    }

    static Stream<Arguments> refusedSpecs() {
        return Stream.of(
                Arguments.of("both sources", """
                        source:
                          configMap: {name: files}
                          oci: {url: "oci://127.0.0.1:5000/skills/a"}
                        """, "exactly one of configMap or oci must be set"),
                Arguments.of("no source", """
                        source: {}
                        """, "exactly one of configMap or oci must be set"),
                Arguments.of("maxVersions 0", """
                        source: {configMap: {name: files}}
                        retention: {maxVersions: 0}
                        """, "spec.retention.maxVersions: Invalid value: 0"),
                Arguments.of(
                        "an interval under 1s",
                        """
                        source: {configMap: {name: files}}
                        interval: 500ms
                        """,
                        "interval must be a duration of at least 1s, such as 30s, 10m or 1h"),
                Arguments.of("an interval that is no duration", """
                        source: {configMap: {name: files}}
                        interval: 10 minutes
                        """, "spec.interval in body should match"),
                Arguments.of("a tag with a digest", """
                        source:
                          oci:
                            url: "oci://127.0.0.1:5000/skills/a"
                            ref: {tag: "1.0.0", digest: "%s"}
                        """.formatted(DIGEST), "set either tag or digest, not both"),
                Arguments.of(
                        "a malformed digest",
                        """
                        source:
                          oci:
                            url: "oci://127.0.0.1:5000/skills/a"
                            ref: {digest: "sha256:xyz"}
                        """,
                        "spec.source.oci.ref.digest in body should match '^sha256:[a-f0-9]{64}$'"),
                Arguments.of("a URL without oci://", """
                        source:
                          oci: {url: "https://127.0.0.1:5000/skills/a"}
                        """, "url must start with oci://"),
                Arguments.of("an unknown deletion policy", """
                        source: {configMap: {name: files}}
                        deletionPolicy: Keep
                        """, "spec.deletionPolicy: Unsupported value: \"Keep\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSpecs")
    void theServerRefusesABadSkillWithTheRulesMessage(String what, String specYaml, String message) {
        GenericKubernetesResource skill = skill(specYaml);

        assertThatThrownBy(() -> admin.genericKubernetesResources(SKILLS)
                        .inNamespace(NAMESPACE)
                        .resource(skill)
                        .create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains(message);
                });
        assertThat(admin.genericKubernetesResources(SKILLS)
                        .inNamespace(NAMESPACE)
                        .withName(skill.getMetadata().getName())
                        .get())
                .isNull();
    }

    @Test
    void aDisplayTitleCannotChangeOnceSet() {
        GenericKubernetesResource created = create(skill("""
                source: {configMap: {name: files}}
                displayTitle: Team A PDF tools
                """));

        assertThatThrownBy(() -> admin.genericKubernetesResources(SKILLS)
                        .inNamespace(NAMESPACE)
                        .withName(created.getMetadata().getName())
                        .edit(s -> {
                            spec(s).put("displayTitle", "Renamed");
                            return s;
                        }))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage())
                            .contains(
                                    "displayTitle cannot change once set: the Skills API has no way to rename a skill");
                });
        assertThatThrownBy(() -> admin.genericKubernetesResources(SKILLS)
                        .inNamespace(NAMESPACE)
                        .withName(created.getMetadata().getName())
                        .edit(s -> {
                            spec(s).remove("displayTitle");
                            return s;
                        }))
                .hasMessageContaining("displayTitle cannot change once set");
    }

    @Test
    void aDisplayTitleMayBeSetLaterOnce() {
        GenericKubernetesResource created = create(skill("""
                source: {configMap: {name: files}}
                """));

        GenericKubernetesResource titled = admin.genericKubernetesResources(SKILLS)
                .inNamespace(NAMESPACE)
                .withName(created.getMetadata().getName())
                .edit(s -> {
                    spec(s).put("displayTitle", "Chosen later");
                    return s;
                });

        assertThat(spec(titled)).containsEntry("displayTitle", "Chosen later");
    }

    @Test
    void aMinimalConfigMapSkillIsAcceptedWithTheDefaults() {
        GenericKubernetesResource created = create(skill("""
                source: {configMap: {name: files}}
                apiKeySecretRef: {name: team-key}
                retention: {}
                """));

        Map<String, Object> spec = spec(created);
        assertThat(spec)
                .containsEntry("deletionPolicy", "Delete")
                .containsEntry("interval", "10m")
                .containsEntry("suspend", false)
                .containsEntry("retention", Map.of("maxVersions", 10))
                .containsEntry("apiKeySecretRef", Map.of("name", "team-key", "key", "api-key"));
    }

    @Test
    void validOciSkillsByTagAndByDigestAreAccepted() {
        GenericKubernetesResource byTag = create(skill("""
                source:
                  oci:
                    url: "oci://127.0.0.1:5000/skills/pdf-tools"
                    ref: {tag: "1.0.0"}
                    secretRef: {name: regcred}
                interval: 1h30m
                deletionPolicy: Orphan
                """));
        GenericKubernetesResource byDigest = create(skill("""
                source:
                  oci:
                    url: "oci://127.0.0.1:5000/skills/pdf-tools"
                    ref: {digest: "%s"}
                interval: 1s
                """.formatted(DIGEST)));

        assertThat(spec(byTag)).containsEntry("interval", "1h30m").containsEntry("deletionPolicy", "Orphan");
        assertThat(spec(byDigest)).containsEntry("interval", "1s").containsEntry("deletionPolicy", "Delete");
    }

    @Test
    void theExamplesAreAccepted() throws IOException {
        for (Path example :
                new Path[] {Path.of("examples", "pdf-tools.yaml"), Path.of("examples", "release-notes.yaml")}) {
            List<HasMetadata> objects;
            try (InputStream in = Files.newInputStream(example)) {
                objects = admin.load(in).items();
            }
            for (HasMetadata object : objects) {
                String namespace = object.getMetadata().getNamespace() == null
                        ? "default"
                        : object.getMetadata().getNamespace();
                cluster.ensureNamespace(namespace);
                HasMetadata created =
                        admin.resource(object).inNamespace(namespace).dryRun().create();
                assertThat(created.getMetadata().getName())
                        .isEqualTo(object.getMetadata().getName());
            }
        }
    }

    private static GenericKubernetesResource skill(String specYaml) {
        String yaml = """
                apiVersion: skillsync.dev/v1alpha1
                kind: Skill
                metadata:
                  name: skill-%d
                  namespace: %s
                spec:
                %s""".formatted(NAMES.incrementAndGet(), NAMESPACE, specYaml.indent(2));
        return admin.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    }

    private static GenericKubernetesResource create(GenericKubernetesResource skill) {
        return admin.genericKubernetesResources(SKILLS)
                .inNamespace(NAMESPACE)
                .resource(skill)
                .create();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource skill) {
        return (Map<String, Object>) skill.getAdditionalProperties().get("spec");
    }
}
