package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.asBytes;
import static dev.skillsync.testing.SkillFixtures.asText;
import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.skillMd;
import static dev.skillsync.testing.SkillFixtures.under;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.content.ContentHash;
import dev.skillsync.fake.Fault;
import dev.skillsync.fake.RecordedCall;
import dev.skillsync.resource.KeyToPath;
import dev.skillsync.resource.LocalObjectReference;
import dev.skillsync.resource.OciSource;
import dev.skillsync.resource.SecretKeySelector;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillSource;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class SkillFailureScenarioTest extends ScenarioSupport {

    @Test
    void aBrokenSkillMdStallsWithAClearMessageAndNoApiCall() {
        String ns = uniqueNamespace("broken");
        create(configMap(ns, "files", true, Map.of("SKILL.md", "# no front matter here\n")));
        create(newSkill(ns, "broken", "files"));

        Skill stalled = awaitReady(ns, "broken", "False", "InvalidContent");

        assertThat(condition(stalled, "Ready").orElseThrow().getMessage()).contains("SKILL.md");
        assertThat(hasCondition(stalled, "Stalled", "True", "InvalidContent")).isTrue();
        assertThat(stalled.getStatus().getSkillId()).isNull();
        assertThat(remoteSkillsOf(ns, "broken")).isEmpty();
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "broken", "Warning", "InvalidContent"));

        k8s().configMaps().inNamespace(ns).withName("files").edit(cm -> {
            cm.setData(files("broken", "Fixed now.", "pass\n"));
            return cm;
        });
        awaitSynced(ns, "broken");
    }

    @Test
    void aPathWithDotDotIsRejectedBeforeAnyUpload() {
        String ns = uniqueNamespace("dotdot");
        create(configMap(ns, "files", true, files("escape", "Escapes.", "pass\n")));
        create(newSkill(
                ns,
                "escape",
                "files",
                List.of(new KeyToPath("SKILL.md", "SKILL.md"), new KeyToPath("run.py", "../outside.py"))));

        Skill stalled = awaitReady(ns, "escape", "False", "InvalidContent");

        assertThat(condition(stalled, "Ready").orElseThrow().getMessage()).contains("../outside.py");
        assertThat(remoteSkillsOf(ns, "escape")).isEmpty();
    }

    @Test
    void aMissingConfigMapIsReportedAndTheSkillSyncsOnceItAppears() {
        String ns = uniqueNamespace("missing");
        create(newSkill(ns, "late", "late-files"));

        Skill waiting = awaitReady(ns, "late", "False", "SourceNotFound");
        assertThat(condition(waiting, "Ready").orElseThrow().getMessage()).contains("late-files");
        assertThat(hasCondition(waiting, "Stalled", "False", "SourceNotFound")).isTrue();

        create(configMap(ns, "late-files", true, files("late", "Arrives late.", "pass\n")));
        awaitSynced(ns, "late");
    }

    @Test
    void aMissingPullSecretIsReportedAsMissingNotAsRejectedCredentials() {
        String ns = uniqueNamespace("nopullsecret");
        OciSource oci = new OciSource();
        oci.setUrl("oci://127.0.0.1:1/skills/pulled");
        oci.setInsecure(true);
        oci.setSecretRef(new LocalObjectReference("regcred"));
        SkillSource source = new SkillSource();
        source.setOci(oci);
        create(newSkill(ns, "pulled", source));

        Skill failing = awaitReady(ns, "pulled", "False", "SourceNotFound");

        assertThat(condition(failing, "Ready").orElseThrow().getMessage())
                .isEqualTo("Secret " + ns + "/regcred not found");
        assertThat(hasCondition(failing, "Stalled", "False", "SourceNotFound")).isTrue();
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "pulled", "Warning", "SourceNotFound"));
        assertThat(remoteSkillsOf(ns, "pulled")).isEmpty();
    }

    @Test
    void aMissingSecretIsReportedWithoutAnyApiCall() {
        String ns = uniqueNamespace("nosecret");
        create(configMap(ns, "files", true, files("locked", "Locked.", "pass\n")));
        Skill skill = newSkill(ns, "locked", "files");
        skill.getSpec().setApiKeySecretRef(new SecretKeySelector("anthropic-api-key", "api-key"));
        create(skill);

        Skill failing = awaitReady(ns, "locked", "False", "AuthenticationFailed");
        assertThat(condition(failing, "Ready").orElseThrow().getMessage())
                .contains("Secret " + ns + "/anthropic-api-key not found");

        k8s().secrets()
                .inNamespace(ns)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("anthropic-api-key")
                        .endMetadata()
                        .addToStringData("api-key", "sk-ant-second-key")
                        .build())
                .create();
        api().acceptKey("sk-ant-second-key");
        awaitSynced(ns, "locked");
    }

    @Test
    void aRejectedKeyStallsAndTheKeyNeverAppearsInStatusOrEvents() {
        String ns = uniqueNamespace("badkey");
        String secretKey = "sk-ant-rejected-" + ns;
        create(configMap(ns, "files", true, files("rejected", "Rejected.", "pass\n")));
        k8s().secrets()
                .inNamespace(ns)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("key")
                        .endMetadata()
                        .addToStringData("api-key", secretKey)
                        .build())
                .create();
        Skill skill = newSkill(ns, "rejected", "files");
        skill.getSpec().setApiKeySecretRef(new SecretKeySelector("key", "api-key"));
        create(skill);

        Skill stalled = awaitReady(ns, "rejected", "False", "AuthenticationFailed");

        assertThat(hasCondition(stalled, "Stalled", "True", "AuthenticationFailed"))
                .isTrue();
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "rejected", "Warning", "AuthenticationFailed"));
        String everything = k8s().getKubernetesSerialization().asJson(stalled)
                + k8s().getKubernetesSerialization().asJson(events(ns, "rejected"));
        assertThat(everything).doesNotContain(secretKey);
    }

    @Test
    void serverErrorsAreRetriedUntilTheSkillSyncs() {
        String ns = uniqueNamespace("flaky");
        int callsBefore = api().calls().size();
        api().injectFault(Fault.on("POST", "/v1/skills").status(500).times(12).build());
        create(configMap(ns, "files", true, files("flaky", "Flaky.", "pass\n")));
        create(newSkill(ns, "flaky", "files"));

        awaitReady(ns, "flaky", "False", "ApiError");
        Skill synced = awaitSynced(ns, "flaky");

        assertThat(remoteSkillsOf(ns, "flaky")).singleElement().satisfies(remote -> {
            assertThat(synced.getStatus().getSkillId()).isEqualTo(remote.id());
            assertThat(synced.getStatus().getLatestVersion()).isEqualTo(remote.latestVersion());
            assertThat(api().versions(remote.id()))
                    .singleElement()
                    .satisfies(v -> assertThat(asText(v.files()))
                            .isEqualTo(asText(under("flaky", asBytes(files("flaky", "Flaky.", "pass\n"))))));
        });
        assertThat(synced.getStatus().getContentHash())
                .isEqualTo(ContentHash.of(under("flaky", asBytes(files("flaky", "Flaky.", "pass\n")))));
        // Twelve refused creates, then the one that made the skill: none was sent again after it succeeded.
        List<RecordedCall> calls = api().calls();
        assertThat(calls.subList(callsBefore, calls.size()))
                .filteredOn(c -> c.method().equals("POST") && c.path().equals("/v1/skills"))
                .extracting(RecordedCall::status)
                .containsExactly(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 200);
    }

    @Test
    void rateLimitingIsReportedAndRetried() {
        String ns = uniqueNamespace("limited");
        api().injectFault(Fault.on("POST", "/v1/skills")
                .status(429)
                .header("retry-after-ms", "5")
                .times(12)
                .build());
        create(configMap(ns, "files", true, files("limited", "Limited.", "pass\n")));
        create(newSkill(ns, "limited", "files"));

        Skill limited = awaitReady(ns, "limited", "False", "RateLimited");
        assertThat(hasCondition(limited, "Stalled", "False", "RateLimited")).isTrue();
        awaitSynced(ns, "limited");
        assertThat(remoteSkillsOf(ns, "limited")).hasSize(1);
    }

    @Test
    void renamingTheSkillInSkillMdIsRefusedBecauseTheApiFixesTheName() {
        String ns = uniqueNamespace("rename");
        create(configMap(ns, "files", true, files("original", "Original.", "pass\n")));
        create(newSkill(ns, "renamed", "files"));
        String skillId = awaitSynced(ns, "renamed").getStatus().getSkillId();

        putFile(ns, "files", "SKILL.md", skillMd("another-name", "Renamed."));

        Skill stalled = awaitReady(ns, "renamed", "False", "InvalidContent");
        assertThat(condition(stalled, "Ready").orElseThrow().getMessage())
                .contains("'another-name'", "'original'", "fixed when it is created");
        assertThat(api().versions(skillId)).hasSize(1);
    }
}
