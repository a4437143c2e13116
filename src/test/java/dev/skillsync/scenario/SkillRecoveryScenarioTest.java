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
import dev.skillsync.content.ContentHash;
import dev.skillsync.fake.FakeDialect;
import dev.skillsync.fake.FakeSkill;
import dev.skillsync.fake.Fault;
import dev.skillsync.resource.DeletionPolicy;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class SkillRecoveryScenarioTest extends ScenarioSupport {

    @Test
    void aCreateWhoseAnswerWasLostIsAdoptedNotDuplicated() {
        String ns = uniqueNamespace("lostcreate");
        api().loseNextResponse("POST", "/v1/skills");
        create(configMap(ns, "files", true, files("lost", "Lost answer.", "pass\n")));
        create(newSkill(ns, "lost", "files"));

        Skill synced = awaitSynced(ns, "lost");

        assertThat(remoteSkillsOf(ns, "lost")).hasSize(1);
        assertThat(api().versions(synced.getStatus().getSkillId())).hasSize(1);
        assertThat(synced.getMetadata().getAnnotations())
                .containsEntry(Constants.SKILL_ID_ANNOTATION, synced.getStatus().getSkillId());
        // Recovery downloads the adopted version once to compare it, and compares no more after that.
        String content = "/v1/skills/" + synced.getStatus().getSkillId() + "/versions/"
                + synced.getStatus().getLatestVersion() + "/content";
        assertThat(api().calls()).filteredOn(c -> c.path().equals(content)).hasSize(1);
    }

    @Test
    void aVersionWhoseAnswerWasLostIsNotUploadedTwice() {
        String ns = uniqueNamespace("lostversion");
        create(configMap(ns, "files", true, files("lostv", "Lost version.", "v = 1\n")));
        create(newSkill(ns, "lostv", "files"));
        String skillId = awaitSynced(ns, "lostv").getStatus().getSkillId();

        api().loseNextResponse("POST", "/v1/skills/" + skillId + "/versions");
        putFile(ns, "files", "run.py", "v = 2\n");

        await().atMost(TIMEOUT)
                .until(() -> hasCondition(skill(ns, "lostv").get(), "Ready", "True", "Synced")
                        && api().skill(skillId)
                                .orElseThrow()
                                .latestVersion()
                                .equals(skill(ns, "lostv").get().getStatus().getLatestVersion()));
        // Held over a period, with a sync requested in it: a second upload would show as a third version.
        requestReconcile(ns, "lostv", "after-lost-version");
        await().during(Duration.ofSeconds(3))
                .atMost(TIMEOUT)
                .until(() -> api().versions(skillId).size() == 2);
        assertThat(skill(ns, "lostv").get().getStatus().getLastHandledReconcileAt())
                .isEqualTo("after-lost-version");
        assertThat(api().calls())
                .filteredOn(c -> c.method().equals("POST") && c.path().equals("/v1/skills/" + skillId + "/versions"))
                .hasSize(1);
    }

    /** Titles are unique under the beta shapes only; under GA a skill of its own is created beside theirs. */
    @Test
    void aTitleHeldBySomeoneElsesSkillStallsUnderBetaAndThatSkillIsLeftAlone() {
        String ns = uniqueNamespace("titletaken");
        var theirs =
                api().createSkillOutOfBand(ns + "/mine", under("theirs", asBytes(files("theirs", "Theirs.", "x\n"))));
        create(configMap(ns, "files", true, files("mine", "Mine.", "pass\n")));
        create(newSkill(ns, "mine", "files"));

        if (api().dialect() == FakeDialect.GA) {
            Skill synced = awaitSynced(ns, "mine");
            assertThat(synced.getStatus().getSkillId()).isNotEqualTo(theirs.id());
            assertThat(remoteSkillsOf(ns, "mine"))
                    .extracting(FakeSkill::id)
                    .containsExactlyInAnyOrder(theirs.id(), synced.getStatus().getSkillId());
            assertThat(api().versions(theirs.id())).hasSize(1);
            assertThat(writeCallsFor(theirs.id())).isZero();
            return;
        }
        Skill stalled = awaitReady(ns, "mine", "False", "TitleConflict");

        assertThat(hasCondition(stalled, "Stalled", "True", "TitleConflict")).isTrue();
        assertThat(condition(stalled, "Ready").orElseThrow().getMessage())
                .contains("already exists", theirs.id(), "spec.displayTitle", "skillsync.dev/skill-id");
        assertThat(stalled.getStatus().getSkillId()).isNull();
        assertThat(api().versions(theirs.id())).hasSize(1);
        assertThat(writeCallsFor(theirs.id())).isZero();
    }

    @Test
    void anAnnotatedSkillIdAdoptsAnExistingSkillWithoutUploadingTheSameContent() {
        String ns = uniqueNamespace("adopt");
        Map<String, String> files = files("adopted", "Adopted.", "pass\n");
        var existing = api().createSkillOutOfBand("pre-existing " + ns, under("adopted", asBytes(files)));
        create(configMap(ns, "files", true, files));
        Skill skill = newSkill(ns, "adopted", "files");
        skill.getMetadata().setAnnotations(Map.of(Constants.SKILL_ID_ANNOTATION, existing.id()));
        create(skill);

        Skill synced = awaitSynced(ns, "adopted");

        assertThat(synced.getStatus().getSkillId()).isEqualTo(existing.id());
        assertThat(api().versions(existing.id())).hasSize(1);
        assertThat(synced.getStatus().getContentHash()).isEqualTo(ContentHash.of(under("adopted", asBytes(files))));
    }

    @Test
    void anAnnotatedSkillIdWithOtherContentGetsANewVersion() {
        String ns = uniqueNamespace("adoptnew");
        var existing =
                api().createSkillOutOfBand("older " + ns, under("renewed", asBytes(files("renewed", "Old.", "old\n"))));
        create(configMap(ns, "files", true, files("renewed", "New.", "new\n")));
        Skill skill = newSkill(ns, "renewed", "files");
        skill.getMetadata().setAnnotations(Map.of(Constants.SKILL_ID_ANNOTATION, existing.id()));
        create(skill);

        awaitSynced(ns, "renewed");
        assertThat(api().versions(existing.id())).hasSize(2);
    }

    @Test
    void anAnnotatedSkillIdThatDoesNotExistStalls() {
        String ns = uniqueNamespace("adoptmissing");
        create(configMap(ns, "files", true, files("ghost", "Ghost.", "pass\n")));
        Skill skill = newSkill(ns, "ghost", "files");
        skill.getMetadata().setAnnotations(Map.of(Constants.SKILL_ID_ANNOTATION, "skill_doesnotexist"));
        create(skill);

        Skill stalled = awaitReady(ns, "ghost", "False", "SkillNotFound");
        assertThat(hasCondition(stalled, "Stalled", "True", "SkillNotFound")).isTrue();
        assertThat(remoteSkillsOf(ns, "ghost")).isEmpty();
    }

    @Test
    void aRemoteSkillDeletedOutOfBandIsCreatedAgainOnRequest() {
        String ns = uniqueNamespace("drift");
        create(configMap(ns, "files", true, files("drifted", "Drifts.", "pass\n")));
        create(newSkill(ns, "drifted", "files"));
        String oldId = awaitSynced(ns, "drifted").getStatus().getSkillId();

        api().deleteSkillOutOfBand(oldId);
        requestReconcile(ns, "drifted", "2026-11-22T10:00:00Z");

        await().atMost(TIMEOUT).until(() -> {
            Skill s = skill(ns, "drifted").get();
            return s.getStatus().getSkillId() != null
                    && !oldId.equals(s.getStatus().getSkillId())
                    && hasCondition(s, "Ready", "True", "Synced");
        });
        Skill recreated = skill(ns, "drifted").get();
        assertThat(api().skill(recreated.getStatus().getSkillId())).isPresent();
        assertThat(recreated.getMetadata().getAnnotations())
                .containsEntry(
                        Constants.SKILL_ID_ANNOTATION, recreated.getStatus().getSkillId());
        assertThat(recreated.getStatus().getLastHandledReconcileAt()).isEqualTo("2026-11-22T10:00:00Z");
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "drifted", "Warning", "RemoteSkillRecreated"));
    }

    @Test
    void aLatestVersionChangedOutOfBandIsReplacedAtTheInterval() {
        String ns = uniqueNamespace("driftversion");
        create(configMap(ns, "files", true, files("tampered", "Tampered.", "good\n")));
        Skill skill = newSkill(ns, "tampered", "files");
        skill.getSpec().setInterval("2s");
        create(skill);
        String skillId = awaitSynced(ns, "tampered").getStatus().getSkillId();

        var foreign = api().createVersionOutOfBand(
                        skillId, under("tampered", asBytes(files("tampered", "Tampered.", "evil\n"))));

        await().atMost(TIMEOUT).until(() -> api().versions(skillId).size() == 3);
        var latest = api().versions(skillId).get(2);
        assertThat(latest.version()).isNotEqualTo(foreign.version());
        assertThat(new String(latest.files().get("tampered/run.py"), StandardCharsets.UTF_8))
                .isEqualTo("good\n");
        skill(ns, "tampered").delete();
    }

    @Test
    void deletionWithPolicyDeleteRemovesEveryVersionAndTheSkill() {
        String ns = uniqueNamespace("delete");
        create(configMap(ns, "files", true, files("doomed", "Doomed.", "v = 1\n")));
        create(newSkill(ns, "doomed", "files"));
        String skillId = awaitSynced(ns, "doomed").getStatus().getSkillId();
        putFile(ns, "files", "run.py", "v = 2\n");
        await().atMost(TIMEOUT).until(() -> api().versions(skillId).size() == 2);

        skill(ns, "doomed").delete();

        await().atMost(TIMEOUT).until(() -> skill(ns, "doomed").get() == null);
        assertThat(api().skill(skillId)).isEmpty();
    }

    @Test
    void deletionWithPolicyOrphanKeepsTheRemoteSkill() {
        String ns = uniqueNamespace("orphan");
        create(configMap(ns, "files", true, files("kept", "Kept.", "pass\n")));
        Skill skill = newSkill(ns, "kept", "files");
        skill.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
        create(skill);
        String skillId = awaitSynced(ns, "kept").getStatus().getSkillId();
        api().clearCalls();

        skill(ns, "kept").delete();

        await().atMost(TIMEOUT).until(() -> skill(ns, "kept").get() == null);
        assertThat(api().skill(skillId)).isPresent();
        assertThat(api().calls())
                .noneMatch(c -> c.path().contains(skillId) && c.method().equals("DELETE"));
    }

    @Test
    void aBlockedDeletionIsReportedAndOrphanLetsItGo() {
        String ns = uniqueNamespace("blocked");
        create(configMap(ns, "files", true, files("stuck", "Stuck.", "pass\n")));
        create(newSkill(ns, "stuck", "files"));
        String skillId = awaitSynced(ns, "stuck").getStatus().getSkillId();
        api().injectFault(Fault.on("DELETE", "/v1/skills/" + skillId + ".*")
                .status(500)
                .times(1000)
                .build());

        skill(ns, "stuck").delete();

        Skill blocked = awaitReady(ns, "stuck", "False", "DeletionBlocked");
        assertThat(condition(blocked, "Ready").orElseThrow().getMessage()).contains("deletionPolicy");
        skill(ns, "stuck").edit(s -> {
            s.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
            return s;
        });
        await().atMost(TIMEOUT).until(() -> skill(ns, "stuck").get() == null);
        assertThat(api().skill(skillId)).isPresent();
    }
}
