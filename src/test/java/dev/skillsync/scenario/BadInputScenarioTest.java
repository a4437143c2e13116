package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.skillMd;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.Constants;
import dev.skillsync.fake.RecordedCall;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new user's mistakes, all at once: one namespace, one operator, one Skill per defect. Each ends Ready=False with the
 * contract's reason, a message that says what to fix, and a Warning Event; none calls the Skills API (but the rejected
 * key, whose one call is how it is found out) and none keeps a valid Skill created after them from syncing.
 * Malformed spec values are written as raw JSON, as an API server without the CRD's schema would take them.
 */
@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class BadInputScenarioTest extends ScenarioSupport {

    private static final String INVALID_CONTENT = "InvalidContent";
    private static final String SOURCE_NOT_FOUND = "SourceNotFound";
    private static final String INVALID_SPEC = "InvalidSpec";
    private static final String AUTHENTICATION_FAILED = "AuthenticationFailed";

    private static final ResourceDefinitionContext SKILLS = new ResourceDefinitionContext.Builder()
            .withGroup(Constants.GROUP)
            .withVersion(Constants.VERSION)
            .withKind("Skill")
            .withPlural("skills")
            .withNamespaced(true)
            .build();

    /** The key every Skill here syncs with, from its own Secret: a call with it is a call made by these Skills. */
    private static final String KEY = "sk-ant-bad-input-key";

    private static final String REJECTED_KEY = "sk-ant-bad-input-rejected";
    private static final String DIGEST = "sha256:" + "0".repeat(64);

    /** One defect: the Skill's spec (JSON), the objects it reads, and what the user must see. */
    record Case(String name, String reason, String messageFragment, String spec, List<HasMetadata> objects) {}

    /** THE TABLE: every defect a user can make, with the reason the contract gives it. */
    static List<Case> cases(String ns) {
        List<Case> cases = new ArrayList<>();
        // Front matter of SKILL.md
        cases.add(ownFiles(
                ns, "fm-missing", "must start with a '---' line", Map.of("SKILL.md", "# Tools\n\nNo front matter.\n")));
        cases.add(ownFiles(ns, "fm-not-yaml", "not valid YAML", Map.of("SKILL.md", "---\nname: [unclosed\n---\n")));
        cases.add(ownFiles(
                ns, "fm-not-a-map", "must be a YAML mapping", Map.of("SKILL.md", "---\n- name\n- description\n---\n")));
        cases.add(ownFiles(
                ns, "fm-unclosed", "no closing '---'", Map.of("SKILL.md", "---\nname: tools\ndescription: Tools.\n")));
        cases.add(ownFiles(ns, "fm-empty", "front matter is empty", Map.of("SKILL.md", "---\n---\n# Tools\n")));
        cases.add(ownFiles(
                ns,
                "fm-name-number",
                "name must be a string",
                Map.of("SKILL.md", "---\nname: 123\ndescription: Numbers.\n---\n")));
        cases.add(ownFiles(
                ns,
                "fm-description-list",
                "description must be a string",
                Map.of("SKILL.md", "---\nname: tools\ndescription: [a, b]\n---\n")));
        cases.add(ownFiles(ns, "fm-no-name", "has no name", Map.of("SKILL.md", "---\ndescription: Nameless.\n---\n")));
        cases.add(
                ownFiles(ns, "fm-no-description", "has no description", Map.of("SKILL.md", "---\nname: tools\n---\n")));
        cases.add(ownFiles(
                ns, "fm-name-uppercase", "only lowercase letters", Map.of("SKILL.md", skillMd("PDF-Tools", "Upper."))));
        cases.add(ownFiles(ns, "fm-name-too-long", "at most 64", Map.of("SKILL.md", skillMd("a".repeat(65), "Long."))));
        cases.add(ownFiles(
                ns,
                "fm-name-reserved",
                "reserved word 'claude'",
                Map.of("SKILL.md", skillMd("claude-tools", "Reserved."))));
        cases.add(ownFiles(
                ns,
                "fm-name-xml",
                "XML tags",
                Map.of("SKILL.md", "---\nname: \"<b>tools</b>\"\ndescription: Tagged.\n---\n")));
        cases.add(ownFiles(
                ns,
                "fm-description-empty",
                "description is empty",
                Map.of("SKILL.md", "---\nname: tools\ndescription: \"\"\n---\n")));
        cases.add(ownFiles(
                ns, "fm-description-too-long", "at most 1024", Map.of("SKILL.md", skillMd("tools", "d".repeat(1025)))));
        cases.add(ownFiles(
                ns, "fm-description-xml", "XML tags", Map.of("SKILL.md", skillMd("tools", "Runs <script>x</script>"))));
        cases.add(ownFiles(
                ns,
                "fm-duplicate-name",
                "Duplicate field 'name'",
                Map.of("SKILL.md", "---\nname: one\nname: two\ndescription: Twice.\n---\n")));
        // Files
        cases.add(ownFiles(ns, "files-empty-configmap", "has no data or binaryData keys", Map.of()));
        cases.add(ownFiles(ns, "files-empty-skill-md", "must start with a '---' line", Map.of("SKILL.md", "")));
        cases.add(ownFiles(ns, "files-no-skill-md", "no SKILL.md at its root", Map.of("run.py", "pass\n")));
        cases.add(ownFiles(
                ns, "files-misspelt-skill-md", "spelt exactly", Map.of("skill.md", skillMd("tools", "Misspelt."))));
        cases.add(withItems(
                ns,
                "files-skill-md-nested",
                "must be at the root",
                validFiles(),
                "[{\"key\": \"SKILL.md\", \"path\": \"docs/SKILL.md\"}]"));
        cases.add(new Case(
                "files-not-utf8",
                INVALID_CONTENT,
                "not valid UTF-8",
                spec(cmSource("files-not-utf8-files")),
                List.of(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("files-not-utf8-files")
                        .withNamespace(ns)
                        .endMetadata()
                        .addToBinaryData("SKILL.md", Base64.getEncoder().encodeToString(new byte[] {
                            '-', '-', '-', '\n', 'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'
                        }))
                        .build())));
        cases.add(new Case(
                "files-configmap-missing",
                SOURCE_NOT_FOUND,
                "ConfigMap " + ns + "/nowhere not found",
                spec(cmSource("nowhere")),
                List.of()));
        // items
        cases.add(withItems(
                ns,
                "items-dot-dot",
                "'..' segment",
                validFiles(),
                "[{\"key\": \"SKILL.md\", \"path\": \"SKILL.md\"}, {\"key\": \"run.py\", \"path\": \"../run.py\"}]"));
        cases.add(withItems(
                ns,
                "items-absolute",
                "is absolute",
                validFiles(),
                "[{\"key\": \"SKILL.md\", \"path\": \"SKILL.md\"}, {\"key\": \"run.py\", \"path\": \"/bin/run.py\"}]"));
        cases.add(
                withItems(
                        ns,
                        "items-empty-segment",
                        "empty segment",
                        validFiles(),
                        "[{\"key\": \"SKILL.md\", \"path\": \"SKILL.md\"}, {\"key\": \"run.py\", \"path\": \"scripts//run.py\"}]"));
        cases.add(withItems(
                ns,
                "items-dot-segment",
                "'.' segment",
                validFiles(),
                "[{\"key\": \"SKILL.md\", \"path\": \"SKILL.md\"}, {\"key\": \"run.py\", \"path\": \"./run.py\"}]"));
        cases.add(withItems(
                ns,
                "items-missing-key",
                "has no key 'nope.py'",
                validFiles(),
                "[{\"key\": \"SKILL.md\", \"path\": \"SKILL.md\"}, {\"key\": \"nope.py\", \"path\": \"nope.py\"}]"));
        cases.add(withItems(
                ns,
                "items-same-path",
                "give each item its own path",
                validFiles(),
                "[{\"key\": \"SKILL.md\", \"path\": \"SKILL.md\"}, {\"key\": \"run.py\", \"path\": \"SKILL.md\"}]"));
        // Spec values a current API server's schema would refuse
        String good = cmSource("good-files");
        cases.add(
                invalidSpec(
                        "spec-both-sources",
                        "both configMap and oci",
                        "\"source\": {\"configMap\": {\"name\": \"good-files\"}, \"oci\": {\"url\": \"oci://registry.example/s\"}}"));
        cases.add(invalidSpec("spec-no-source", "neither configMap nor oci", "\"source\": {}"));
        cases.add(invalidSpec("spec-source-missing", "spec.source is missing", "\"interval\": \"5m\""));
        cases.add(invalidSpec("spec-source-not-object", "spec.source is 'good-files'", "\"source\": \"good-files\""));
        cases.add(invalidSpec(
                "spec-interval-unparsable",
                "spec.interval '10 minutes' is not a duration",
                good + ", \"interval\": \"10 minutes\""));
        cases.add(invalidSpec("spec-interval-too-short", "shorter than 1s", good + ", \"interval\": \"100ms\""));
        cases.add(invalidSpec("spec-interval-number", "spec.interval is 600", good + ", \"interval\": 600"));
        cases.add(invalidSpec(
                "spec-max-versions-zero",
                "maxVersions is 0; it must be at least 1",
                good + ", \"retention\": {\"maxVersions\": 0}"));
        cases.add(invalidSpec(
                "spec-max-versions-negative", "maxVersions is -2", good + ", \"retention\": {\"maxVersions\": -2}"));
        cases.add(invalidSpec(
                "spec-max-versions-text", "whole number", good + ", \"retention\": {\"maxVersions\": \"ten\"}"));
        cases.add(invalidSpec(
                "spec-deletion-policy-unknown",
                "allowed values are Delete, Orphan",
                good + ", \"deletionPolicy\": \"Sometimes\""));
        cases.add(invalidSpec("spec-deletion-policy-lowercase", "'delete'", good + ", \"deletionPolicy\": \"delete\""));
        cases.add(invalidSpec("spec-suspend-text", "true or false", good + ", \"suspend\": \"yes\""));
        cases.add(invalidSpec(
                "spec-items-not-a-list",
                "it must be a list",
                "\"source\": {\"configMap\": {\"name\": \"good-files\", \"items\": \"SKILL.md\"}}"));
        cases.add(invalidSpec(
                "spec-item-without-path",
                "items[0].path is missing",
                "\"source\": {\"configMap\": {\"name\": \"good-files\", \"items\": [{\"key\": \"SKILL.md\"}]}}"));
        cases.add(invalidSpec(
                "spec-configmap-without-name",
                "spec.source.configMap.name is missing",
                "\"source\": {\"configMap\": {}}"));
        cases.add(invalidSpec(
                "spec-oci-url-scheme",
                "url must have the form oci://host[:port]/repository/path",
                ociSource("https://registry.example/skills/s", null)));
        cases.add(invalidSpec(
                "spec-oci-url-no-repository", "has no repository path", ociSource("oci://registry.example", null)));
        cases.add(invalidSpec(
                "spec-oci-digest-malformed",
                "not a valid digest",
                ociSource("oci://registry.example/skills/s", "{\"digest\": \"sha256:abc\"}")));
        cases.add(invalidSpec(
                "spec-oci-tag-and-digest",
                "not both",
                ociSource("oci://registry.example/skills/s", "{\"tag\": \"1.0\", \"digest\": \"" + DIGEST + "\"}")));
        cases.add(invalidSpec(
                "spec-display-title-empty", "spec.displayTitle is empty", good + ", \"displayTitle\": \"\""));
        cases.add(new Case("spec-not-an-object", INVALID_SPEC, "spec must be an object", "\"pdf-tools\"", List.of()));
        cases.add(new Case(
                "spec-api-key-ref-without-name",
                INVALID_SPEC,
                "spec.apiKeySecretRef.name is missing",
                "{" + good + ", \"apiKeySecretRef\": {\"key\": \"api-key\"}}",
                List.of()));
        // Secrets
        cases.add(new Case(
                "secret-missing",
                AUTHENTICATION_FAILED,
                "Secret " + ns + "/absent not found",
                "{" + good + ", \"apiKeySecretRef\": {\"name\": \"absent\"}}",
                List.of()));
        cases.add(new Case(
                "secret-without-key",
                AUTHENTICATION_FAILED,
                "has no non-empty key 'api-key'",
                "{" + good + ", \"apiKeySecretRef\": {\"name\": \"keyless\"}}",
                List.of(new SecretBuilder()
                        .withNewMetadata()
                        .withName("keyless")
                        .withNamespace(ns)
                        .endMetadata()
                        .addToStringData("other", "value")
                        .build())));
        cases.add(new Case(
                "secret-key-rejected",
                AUTHENTICATION_FAILED,
                "rejected the API key",
                "{" + good + ", \"apiKeySecretRef\": {\"name\": \"rejected\"}}",
                List.of(new SecretBuilder()
                        .withNewMetadata()
                        .withName("rejected")
                        .withNamespace(ns)
                        .endMetadata()
                        .addToStringData("api-key", REJECTED_KEY)
                        .build())));
        return cases;
    }

    @Test
    void everyDefectIsReportedWithoutAnApiCallAndAValidSkillStillSyncs() {
        String ns = uniqueNamespace("bad-input");
        api().acceptKey(KEY);
        k8s().secrets()
                .inNamespace(ns)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("api-key")
                        .endMetadata()
                        .addToStringData("api-key", KEY)
                        .build())
                .create();
        create(configMap(ns, "good-files", true, files("good", "A valid skill.", "pass\n")));
        List<Case> cases = cases(ns);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(36);
        assertThat(cases.stream().map(Case::name).distinct()).hasSameSizeAs(cases);

        for (Case c : cases) {
            c.objects().forEach(object -> k8s().resource(object).create());
            k8s().genericKubernetesResources(SKILLS)
                    .inNamespace(ns)
                    .resource(rawSkill(ns, c.name(), c.spec()))
                    .create();
        }

        for (Case c : cases) {
            Skill failed = awaitReady(ns, c.name(), "False", c.reason());
            assertThat(condition(failed, "Ready").orElseThrow().getMessage())
                    .as(c.name())
                    .contains(c.messageFragment());
            await(c.name()).atMost(TIMEOUT).until(() -> hasEvent(ns, c.name(), "Warning", c.reason()));
            assertThat(remoteSkillsOf(ns, c.name())).as(c.name()).isEmpty();
            if (c.reason().equals(INVALID_SPEC)) {
                assertThat(hasCondition(failed, "Stalled", "True", INVALID_SPEC))
                        .as(c.name())
                        .isTrue();
            }
        }
        assertThat(callsWith(KEY))
                .as("Skills API calls made for the defective Skills")
                .isEmpty();
        assertThat(callsWith(REJECTED_KEY))
                .as("the rejected key is found out by one call")
                .hasSize(1);

        k8s().genericKubernetesResources(SKILLS)
                .inNamespace(ns)
                .resource(rawSkill(ns, "valid", "{" + good() + ", \"apiKeySecretRef\": {\"name\": \"api-key\"}}"))
                .create();
        Skill synced = awaitSynced(ns, "valid");
        assertThat(api().versions(synced.getStatus().getSkillId())).hasSize(1);
        assertThat(callsWith(KEY)).isNotEmpty().allMatch(call -> call.status() < 400);

        // A stalled Skill waits for its spec to change, and a fix is synced.
        k8s().genericKubernetesResources(SKILLS)
                .inNamespace(ns)
                .withName("spec-max-versions-zero")
                .edit(skill -> withSpecField(skill, "retention", Map.of("maxVersions", 2)));
        assertThat(awaitSynced(ns, "spec-max-versions-zero").getStatus().getVersions())
                .hasSize(1);
    }

    @Test
    void aDeletionWhosePolicyCannotBeReadKeepsTheRemoteSkillUntilThePolicyIsFixed() {
        String ns = uniqueNamespace("bad-policy");
        create(configMap(ns, "files", true, files("kept", "Kept.", "pass\n")));
        k8s().genericKubernetesResources(SKILLS)
                .inNamespace(ns)
                .resource(rawSkill(ns, "kept", "{" + good().replace("good-files", "files") + "}"))
                .create();
        String skillId = awaitSynced(ns, "kept").getStatus().getSkillId();

        k8s().genericKubernetesResources(SKILLS)
                .inNamespace(ns)
                .withName("kept")
                .edit(skill -> withSpecField(skill, "deletionPolicy", "Sometimes"));
        awaitReady(ns, "kept", "False", INVALID_SPEC);
        skill(ns, "kept").delete();

        Skill blocked = awaitReady(ns, "kept", "False", "DeletionBlocked");
        assertThat(condition(blocked, "Ready").orElseThrow().getMessage()).contains("'Sometimes'", "Orphan");
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "kept", "Warning", "DeletionBlocked"));
        assertThat(api().skill(skillId)).isPresent();
        assertThat(writeCallsFor(skillId)).isZero();

        k8s().genericKubernetesResources(SKILLS)
                .inNamespace(ns)
                .withName("kept")
                .edit(skill -> withSpecField(skill, "deletionPolicy", "Orphan"));
        await().atMost(TIMEOUT).until(() -> skill(ns, "kept").get() == null);
        assertThat(api().skill(skillId)).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static GenericKubernetesResource withSpecField(
            GenericKubernetesResource skill, String field, Object value) {
        ((Map<String, Object>) skill.getAdditionalProperties().get("spec")).put(field, value);
        return skill;
    }

    private List<RecordedCall> callsWith(String key) {
        return api().calls().stream().filter(call -> call.hasApiKey(key)).toList();
    }

    private static GenericKubernetesResource rawSkill(String ns, String name, String specJson) {
        return SkillsyncTestEnvironment.kubernetes()
                .getKubernetesSerialization()
                .unmarshal(
                        """
                {"apiVersion": "%s/%s", "kind": "Skill", "metadata": {"name": "%s", "namespace": "%s"}, "spec": %s}""".formatted(Constants.GROUP, Constants.VERSION, name, ns, specJson),
                        GenericKubernetesResource.class);
    }

    private static String good() {
        return cmSource("good-files");
    }

    private static String cmSource(String configMap) {
        return "\"source\": {\"configMap\": {\"name\": \"" + configMap + "\"}}";
    }

    private static String ociSource(String url, String ref) {
        return "\"source\": {\"oci\": {\"url\": \"" + url + "\"" + (ref == null ? "" : ", \"ref\": " + ref) + "}}";
    }

    /** A spec (JSON) with the Skill's own key Secret: a call with that key is a call made for this Skill. */
    private static String spec(String fields) {
        return "{" + fields + ", \"apiKeySecretRef\": {\"name\": \"api-key\"}}";
    }

    private static Map<String, String> validFiles() {
        return files("tools", "Valid files.", "pass\n");
    }

    /** Files given by a ConfigMap of their own, labelled as watched. */
    private static Case ownFiles(String ns, String name, String fragment, Map<String, String> data) {
        return new Case(
                name,
                INVALID_CONTENT,
                fragment,
                spec(cmSource(name + "-files")),
                List.of(configMap(ns, name + "-files", true, data)));
    }

    private static Case withItems(String ns, String name, String fragment, Map<String, String> data, String items) {
        return new Case(
                name,
                INVALID_CONTENT,
                fragment,
                spec("\"source\": {\"configMap\": {\"name\": \"" + name + "-files\", \"items\": " + items + "}}"),
                List.of(configMap(ns, name + "-files", true, data)));
    }

    private static Case invalidSpec(String name, String fragment, String fields) {
        return new Case(name, INVALID_SPEC, fragment, spec(fields), List.of());
    }
}
