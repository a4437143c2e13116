package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.Condition;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Skills API refuses connections for 60 s: Skills say why, and sync again once it is back. */
@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class ApiOutageScenarioTest extends ScenarioSupport {

    static final Duration OUTAGE = Duration.ofSeconds(60);

    @Test
    void whileTheApiRefusesConnectionsSkillsNameTheCauseAndSyncOnceItIsBack() {
        String ns = uniqueNamespace("outage");
        create(configMap(ns, "files", true, files("before", "Synced before.", "pass\n")));
        create(newSkill(ns, "before", "files"));
        String skillId = awaitSynced(ns, "before").getStatus().getSkillId();

        api().stopListening();
        try {
            requestReconcile(ns, "before", "during-outage");
            create(configMap(ns, "new-files", true, files("during", "Created during the outage.", "pass\n")));
            create(newSkill(ns, "during", "new-files"));

            for (String name : new String[] {"before", "during"}) {
                Skill failing = awaitReady(ns, name, "False", "ApiError");
                Condition ready = condition(failing, "Ready").orElseThrow();
                assertThat(ready.getMessage())
                        .contains("could not connect to " + api().baseUrl())
                        .containsIgnoringCase("connection refused");
                assertThat(hasCondition(failing, "Stalled", "False", "ApiError"))
                        .isTrue();
                String everything = k8s().getKubernetesSerialization().asJson(failing)
                        + k8s().getKubernetesSerialization().asJson(events(ns, name));
                assertThat(everything).doesNotContain(FakeSkillsApi.DEFAULT_KEY);
            }
            // The whole outage long, neither Skill claims to be synced.
            await().during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(10))
                    .until(() -> hasCondition(skill(ns, "before").get(), "Ready", "False", "ApiError")
                            && hasCondition(skill(ns, "during").get(), "Ready", "False", "ApiError"));
        } finally {
            api().listenAgain();
        }

        Skill before = awaitSynced(ns, "before");
        Skill during = awaitSynced(ns, "during");
        assertThat(before.getStatus().getSkillId()).isEqualTo(skillId);
        assertThat(remoteSkillsOf(ns, "before")).hasSize(1);
        assertThat(remoteSkillsOf(ns, "during")).hasSize(1);
        assertThat(api().versions(skillId)).hasSize(1);
    }
}
