package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An upload over skillsync.content.max-upload-size is refused before any API call. The limit is lowered here so the
 * test moves kilobytes, not the 30 MB of the default.
 */
@QuarkusTest
@TestProfile(SizeLimitScenarioTest.SmallUploads.class)
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class SizeLimitScenarioTest extends ScenarioSupport {

    public static class SmallUploads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("skillsync.content.max-upload-size", "64K");
        }
    }

    @Test
    void anOversizeSkillStallsWithTheLimitInTheMessageAndNothingIsUploaded() {
        String ns = uniqueNamespace("oversize");
        ConfigMap cm = configMap(ns, "files", true, files("heavy", "Heavy.", "pass\n"));
        cm.setBinaryData(Map.of("data.bin", Base64.getEncoder().encodeToString(new byte[100 * 1024])));
        create(cm);
        create(newSkill(ns, "heavy", "files"));

        Skill stalled = awaitReady(ns, "heavy", "False", "InvalidContent");

        assertThat(condition(stalled, "Ready").orElseThrow().getMessage())
                .contains("skillsync.content.max-upload-size");
        assertThat(hasCondition(stalled, "Stalled", "True", "InvalidContent")).isTrue();
        assertThat(remoteSkillsOf(ns, "heavy")).isEmpty();
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "heavy", "Warning", "InvalidContent"));
    }
}
