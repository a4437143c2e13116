package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.resource.Skill;
import dev.skillsync.testing.RealApiServerProfile;
import dev.skillsync.testing.RealApiServerTest;
import dev.skillsync.testing.RealKubernetes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The API server goes away in the middle of a run and comes back with etcd kept. Changes made meanwhile, through
 * another API server on the same etcd, reach the operator: its informers list again rather than lose them.
 */
@QuarkusTest
@RealApiServerTest
@TestProfile(RealApiServerProfile.class)
class ApiServerRestartRealApiServerTest extends ScenarioSupport {

    /** The informers' watches reconnect with a growing back-off while the API server is away. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(90);

    @Test
    void changesMadeWhileTheApiServerWasDownAreSyncedAfterItComesBack() {
        String ns = uniqueNamespace("restart");
        create(configMap(ns, "files", true, files("survivor", "Survives.", "v = 1\n")));
        create(newSkill(ns, "survivor", "files"));
        create(configMap(ns, "doomed-files", true, files("doomed", "Doomed.", "pass\n")));
        create(newSkill(ns, "doomed", "doomed-files"));
        String survivorId = awaitSynced(ns, "survivor").getStatus().getSkillId();
        String doomedId = awaitSynced(ns, "doomed").getStatus().getSkillId();

        RealKubernetes.shared().whileApiServerIsDown(other -> {
            other.configMaps().inNamespace(ns).withName("files").edit(cm -> {
                cm.getData().put("run.py", "v = 2\n");
                return cm;
            });
            other.resource(configMap(ns, "late-files", true, files("newcomer", "New.", "pass\n")))
                    .create();
            other.resource(newSkill(ns, "newcomer", "late-files")).create();
            other.resources(Skill.class).inNamespace(ns).withName("doomed").delete();
        });

        await().atMost(AFTER_RESTART).until(() -> api().versions(survivorId).size() == 2);
        assertThat(new String(api().versions(survivorId).get(1).files().get("survivor/run.py"), StandardCharsets.UTF_8))
                .isEqualTo("v = 2\n");
        Skill newcomer = awaitSynced(ns, "newcomer");
        assertThat(api().skill(newcomer.getStatus().getSkillId())).isPresent();
        await().atMost(AFTER_RESTART).until(() -> skill(ns, "doomed").get() == null);
        assertThat(api().skill(doomedId)).isEmpty();
        Skill survivor = awaitSynced(ns, "survivor");
        assertThat(survivor.getStatus().getVersions()).hasSize(2);
    }

    @Test
    void aPlainRestartLosesNoChangeMadeRightAfterIt() {
        String ns = uniqueNamespace("restart-plain");
        create(configMap(ns, "files", true, files("steady", "Steady.", "v = 1\n")));
        create(newSkill(ns, "steady", "files"));
        String skillId = awaitSynced(ns, "steady").getStatus().getSkillId();

        RealKubernetes.shared().restartApiServer();
        putFile(ns, "files", "run.py", "v = 2\n");

        // Status, not only the remote skill: the change is synced once status records the new latest version.
        await().atMost(AFTER_RESTART).untilAsserted(() -> {
            Skill steady = skill(ns, "steady").get();
            assertThat(api().versions(skillId)).hasSize(2);
            assertThat(steady.getStatus().getLatestVersion())
                    .isEqualTo(api().skill(skillId).orElseThrow().latestVersion());
            assertThat(steady.getStatus().getVersions()).hasSize(2);
            assertThat(hasCondition(steady, "Ready", "True", "Synced")).isTrue();
        });
    }
}
