package dev.skillsync.crash;

import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.Constants;
import dev.skillsync.fake.FakeDialect;
import dev.skillsync.fake.FakeSkill;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.CallHold;
import dev.skillsync.testing.HttpCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The operator killed with SIGKILL at each remote step of a sync, with the call held in the fake Skills API (or the
 * write after it held in the Kubernetes API) at that point, then started again: the restarted operator finishes the
 * work without a duplicate skill or version, without a version beyond the retention, without deleting what the
 * retention keeps, and with a status that tells the truth.
 */
class CrashAtRemoteStepIT extends CrashTestSupport {

    private static final int DEFAULT_MAX_VERSIONS = 10;

    @Test
    void aCreateThatHappenedButWhoseAnswerDiedWithTheOperatorIsAdoptedNotMadeAgain() throws Exception {
        ns = uniqueNamespace("crash-created");
        Map<String, String> files = files("created", "Created before the kill.", "pass\n");
        CallHold create = api.holdWhenProcessed("POST /v1/skills", HttpCall.matching("POST", "/v1/skills"));
        startOperator();
        createConfigMapSkill("created", files, DEFAULT_MAX_VERSIONS, Map.of());

        create.awaitHeld(TIMEOUT);
        killOperator();
        create.release();

        assertThat(remoteSkillsOf("created"))
                .as("remote skill created before the kill")
                .hasSize(1);
        Skill killed = skill("created").get();
        assertThat(killed.getStatus().getPendingCreate())
                .as("the create the killed operator recorded")
                .isNotNull();
        assertThat(killed.getStatus().getSkillId()).isNull();
        startOperator();

        assertConverged("created", "created", files, DEFAULT_MAX_VERSIONS);
    }

    @Test
    void aCreateThatNeverReachedTheApiIsMadeOnceAfterTheRestart() throws Exception {
        ns = uniqueNamespace("crash-notcreated");
        Map<String, String> files = files("notcreated", "Never created before the kill.", "pass\n");
        CallHold create = api.holdWhenReceived("POST /v1/skills", HttpCall.matching("POST", "/v1/skills"));
        startOperator();
        createConfigMapSkill("notcreated", files, DEFAULT_MAX_VERSIONS, Map.of());

        create.awaitHeld(TIMEOUT);
        killOperator();
        create.drop();

        assertThat(remoteSkillsOf("notcreated"))
                .as("remote skills before the restart")
                .isEmpty();
        startOperator();

        assertConverged("notcreated", "notcreated", files, DEFAULT_MAX_VERSIONS);
    }

    @Test
    void aCreateAnsweredButNotYetRecordedInTheAnnotationIsAdoptedNotMadeAgain() throws Exception {
        ns = uniqueNamespace("crash-unannotated");
        Map<String, String> files = files("unannotated", "Created, never annotated.", "pass\n");
        CallHold annotate = kubernetes.holdWhenReceived(
                "PATCH of the skill-id annotation",
                call -> call.method().equals("PATCH")
                        && call.path().endsWith("/namespaces/" + ns + "/skills/unannotated")
                        && call.body().contains(Constants.SKILL_ID_ANNOTATION));
        startOperator();
        createConfigMapSkill("unannotated", files, DEFAULT_MAX_VERSIONS, Map.of());

        annotate.awaitHeld(TIMEOUT);
        killOperator();
        annotate.drop();

        assertThat(remoteSkillsOf("unannotated"))
                .as("remote skill created before the kill")
                .hasSize(1);
        assertThat(skill("unannotated").get().getMetadata().getAnnotations())
                .as("annotations before the restart")
                .doesNotContainKey(Constants.SKILL_ID_ANNOTATION);
        startOperator();

        assertConverged("unannotated", "unannotated", files, DEFAULT_MAX_VERSIONS);
    }

    @Test
    void aVersionUploadedButNotYetInStatusIsNotUploadedAgainAndTheRetentionStillHolds() throws Exception {
        ns = uniqueNamespace("crash-version");
        Map<String, String> first = files("versioned", "Versioned.", "v = 1\n");
        Map<String, String> second = files("versioned", "Versioned.", "v = 2\n");
        Map<String, String> third = files("versioned", "Versioned.", "v = 3\n");
        FakeSkill remote = remoteSkillWithVersions("versioned", "versioned", List.of(first, second));
        List<String> before = remoteVersionsNewestFirst(remote.id());
        startOperator();
        createConfigMapSkill("versioned", second, 2, Map.of(Constants.SKILL_ID_ANNOTATION, remote.id()));
        assertConverged("versioned", "versioned", second, 2);

        CallHold upload = api.holdWhenProcessed(
                "POST of a version", HttpCall.matching("POST", "/v1/skills/" + remote.id() + "/versions"));
        replaceFiles(third);
        upload.awaitHeld(TIMEOUT);
        killOperator();
        upload.release();

        assertThat(api.versions(remote.id()))
                .as("remote versions before the restart, the upload included")
                .hasSize(3);
        assertThat(skill("versioned").get().getStatus().getLatestVersion())
                .as("status.latestVersion before the restart")
                .isEqualTo(before.get(0));
        startOperator();

        assertConverged("versioned", "versioned", third, 2);
        List<String> after = remoteVersionsNewestFirst(remote.id());
        assertThat(after)
                .as("remote versions: the upload and the newest before it")
                .hasSize(2)
                .endsWith(before.get(0))
                .doesNotContain(before.get(1));
    }

    @Test
    void aPruneCutShortIsFinishedAfterTheRestartAndKeepsWhatTheRetentionKeeps() throws Exception {
        ns = uniqueNamespace("crash-prune");
        List<Map<String, String>> contents = List.of(1, 2, 3, 4, 5).stream()
                .map(n -> files("pruned", "Pruned.", "v = " + n + "\n"))
                .toList();
        FakeSkill remote = remoteSkillWithVersions("pruned", "pruned", contents);
        List<String> newestFirst = remoteVersionsNewestFirst(remote.id());
        startOperator();
        createConfigMapSkill("pruned", contents.get(4), 5, Map.of(Constants.SKILL_ID_ANNOTATION, remote.id()));
        assertConverged("pruned", "pruned", contents.get(4), 5);

        Predicate<HttpCall> versionDelete =
                HttpCall.matching("DELETE", "/v1/skills/" + remote.id() + "/versions/[^/]+");
        AtomicInteger versionDeletes = new AtomicInteger();
        CallHold secondDelete = api.holdWhenReceived(
                "the second DELETE of a version",
                call -> versionDelete.test(call) && versionDeletes.incrementAndGet() == 2);
        skill("pruned").edit(s -> {
            s.getSpec().getRetention().setMaxVersions(2);
            return s;
        });
        secondDelete.awaitHeld(TIMEOUT);
        killOperator();
        secondDelete.drop();

        assertThat(api.versions(remote.id()))
                .as("remote versions before the restart: one of three deletes done")
                .hasSize(4);
        startOperator();

        assertConverged("pruned", "pruned", contents.get(4), 2);
        assertThat(remoteVersionsNewestFirst(remote.id()))
                .as("remote versions the retention keeps")
                .containsExactlyElementsOf(newestFirst.subList(0, 2));
    }

    /**
     * Beta deletes a skill's versions one by one before the skill, so the kill comes between the two; GA's DELETE of
     * the skill takes its versions with it, so the kill comes before anything is deleted.
     */
    @Test
    void aDeletionCutShortAtTheDeleteOfTheSkillIsFinishedAfterTheRestart() throws Exception {
        ns = uniqueNamespace("crash-delete");
        List<Map<String, String>> contents = List.of(1, 2, 3).stream()
                .map(n -> files("deleted", "Deleted.", "v = " + n + "\n"))
                .toList();
        FakeSkill remote = remoteSkillWithVersions("deleted", "deleted", contents);
        startOperator();
        createConfigMapSkill(
                "deleted", contents.get(2), DEFAULT_MAX_VERSIONS, Map.of(Constants.SKILL_ID_ANNOTATION, remote.id()));
        assertConverged("deleted", "deleted", contents.get(2), DEFAULT_MAX_VERSIONS);

        CallHold deleteSkill =
                api.holdWhenReceived("DELETE of the skill", HttpCall.matching("DELETE", "/v1/skills/" + remote.id()));
        skill("deleted").delete();
        deleteSkill.awaitHeld(TIMEOUT);
        killOperator();
        deleteSkill.drop();

        assertThat(api.skill(remote.id())).as("remote skill before the restart").isPresent();
        assertThat(api.versions(remote.id()))
                .as("remote versions before the restart (%s)", dialect)
                .hasSize(dialect == FakeDialect.BETA ? 0 : contents.size());
        assertThat(skill("deleted").get().getMetadata().getDeletionTimestamp())
                .as("the Skill's deletion")
                .isNotNull();
        startOperator();

        awaitGone("deleted");
        assertThat(api.skill(remote.id())).as("remote skill after the restart").isEmpty();
        assertThat(remoteSkillsOf("deleted"))
                .as("remote skills titled " + title("deleted"))
                .isEmpty();
    }
}
