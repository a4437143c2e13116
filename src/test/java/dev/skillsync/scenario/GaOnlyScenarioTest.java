package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.asBytes;
import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.under;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.Constants;
import dev.skillsync.resource.SecretKeySelector;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.GaWireProfile;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only the GA dialect has: no download once the beta header is gone, and the GA limits on display names. */
@QuarkusTest
@TestProfile(GaWireProfile.class)
class GaOnlyScenarioTest extends ScenarioSupport {

    @Test
    void withTheBetaRetiredAnAdoptedSkillGetsOneUploadAndTheEventSaysWhy() {
        String ns = uniqueNamespace("nodownload");
        Map<String, String> files = files("adopted", "Adopted.", "pass\n");
        var existing = api().createSkillOutOfBand("pre-existing " + ns, under("adopted", asBytes(files)));
        create(configMap(ns, "files", true, files));
        Skill skill = newSkill(ns, "adopted", "files");
        skill.getMetadata().setAnnotations(Map.of(Constants.SKILL_ID_ANNOTATION, existing.id()));
        api().retireBeta();
        try {
            create(skill);

            Skill synced = awaitSynced(ns, "adopted");

            var versions = api().versions(existing.id());
            assertThat(versions).hasSize(2);
            assertThat(synced.getStatus().getLatestVersion())
                    .isEqualTo(versions.get(1).version());
            assertThat(new String(versions.get(1).files().get("adopted/run.py"), StandardCharsets.UTF_8))
                    .isEqualTo("pass\n");
            await().atMost(TIMEOUT)
                    .until(() -> events(ns, "adopted").stream()
                            .anyMatch(e -> "RemoteCompared".equals(e.getReason())
                                    && e.getMessage().contains("no download")));
            assertThat(api().calls())
                    .filteredOn(c -> c.path().startsWith("/v1/skills/" + existing.id() + "/")
                            && c.path().endsWith("/content"))
                    .isNotEmpty()
                    .allMatch(c -> c.status() == 400);
        } finally {
            api().honourBeta();
        }
    }

    @Test
    void aDisplayTitleTheGaApiWouldRefuseStallsAsInvalidSpecWithoutACall() {
        String ns = uniqueNamespace("longtitle");
        create(configMap(ns, "files", true, files("titled", "Titled.", "pass\n")));
        // A key of its own, so that its calls can be told from other Skills' calls.
        String key = "sk-ant-titled-" + ns;
        api().acceptKey(key);
        k8s().secrets()
                .inNamespace(ns)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("key")
                        .endMetadata()
                        .addToStringData("api-key", key)
                        .build())
                .create();
        Skill skill = newSkill(ns, "titled", "files");
        skill.getSpec().setDisplayTitle("t".repeat(256));
        skill.getSpec().setApiKeySecretRef(new SecretKeySelector("key", "api-key"));
        create(skill);

        Skill stalled = awaitReady(ns, "titled", "False", "InvalidSpec");

        assertThat(hasCondition(stalled, "Stalled", "True", "InvalidSpec")).isTrue();
        assertThat(condition(stalled, "Ready").orElseThrow().getMessage()).contains("spec.displayTitle", "255");
        assertThat(stalled.getStatus().getSkillId()).isNull();
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "titled", "Warning", "InvalidSpec"));
        assertThat(api().skills()).noneMatch(s -> s.displayTitle().startsWith("ttt"));
        assertThat(api().calls()).noneMatch(c -> c.hasApiKey(key));
    }
}
