package dev.skillsync.crash;

import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.fake.FakeSkill;
import dev.skillsync.fake.RecordedCall;
import dev.skillsync.testing.SkillFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new operator over Skills that are synced: the Skills API is an organisation's shared, rate-limited resource, so a
 * restart (a rollout, a node drain) makes no call for them until a drift check falls due, and writes nothing to them.
 */
class OperatorRestartIT extends CrashTestSupport {

    @Test
    void aNewOperatorOverSyncedSkillsMakesNoCallToTheSkillsApi() throws Exception {
        ns = uniqueNamespace("restart");
        Map<String, String> files = files("restarted", "Synced before the restart.", "pass\n");
        startOperator();
        createConfigMapSkill("restarted", files, 10, Map.of());
        FakeSkill remote = assertConverged("restarted", "restarted", files, 10);
        String resourceVersion = skill("restarted").get().getMetadata().getResourceVersion();
        killOperator();
        int before = api.calls().size();

        startOperator();
        // A Skill made after the start is synced: the new operator is at work.
        create(SkillFixtures.configMap(ns, "later-files", true, files("later", "Made after the restart.", "pass\n")));
        create(SkillFixtures.newSkill(ns, "later", "later-files"));
        awaitSkill("later", "Ready=True Synced", CrashTestSupport::isSynced);

        await("no call for the synced skill")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> callsSince(before, remote.id()).isEmpty());
        assertThat(skill("restarted").get().getMetadata().getResourceVersion())
                .as("the synced Skill's resourceVersion: nothing written to it")
                .isEqualTo(resourceVersion);
    }

    private static List<RecordedCall> callsSince(int before, String skillId) {
        List<RecordedCall> all = api.calls();
        return all.subList(before, all.size()).stream()
                .filter(call -> call.path().contains(skillId))
                .toList();
    }
}
