package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillSpec;
import dev.skillsync.resource.SkillVersionStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RemoteCheckPolicyTest {

    private static final Instant SYNCED_AT = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aSyncedSkillWithinItsIntervalNeedsNoCall() {
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(syncedSkill(), "sha256:aa", SYNCED_AT.plusSeconds(60)))
                .isFalse();
    }

    @Test
    void changedContentNeedsACall() {
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(syncedSkill(), "sha256:bb", SYNCED_AT.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void aDueDriftCheckNeedsACall() {
        Skill skill = syncedSkill();
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(skill, "sha256:aa", SYNCED_AT.plus(Duration.ofMinutes(10))))
                .isTrue();
        assertThat(RemoteCheckPolicy.untilDriftCheck(skill, SYNCED_AT.plus(Duration.ofMinutes(4))))
                .isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void aNewGenerationOrAReconcileRequestNeedsACall() {
        Skill newGeneration = syncedSkill();
        newGeneration.getMetadata().setGeneration(2L);
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(newGeneration, "sha256:aa", SYNCED_AT))
                .isTrue();

        Skill requested = syncedSkill();
        requested.getMetadata().getAnnotations().put(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, "please");
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(requested, "sha256:aa", SYNCED_AT))
                .isTrue();
        requested.getStatus().setLastHandledReconcileAt("please");
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(requested, "sha256:aa", SYNCED_AT))
                .isFalse();
    }

    @Test
    void anAnnotationNamingAnotherSkillNeedsACall() {
        Skill skill = syncedSkill();
        skill.getMetadata().getAnnotations().put(Constants.SKILL_ID_ANNOTATION, "skill_other");
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(skill, "sha256:aa", SYNCED_AT))
                .isTrue();
    }

    @Test
    void aFailedSkillIsRetried() {
        Skill skill = syncedSkill();
        skill.setStatus(
                StatusAggregator.aggregate(skill, new SyncOutcome.Failed("ApiError", "down", false, true), SYNCED_AT));
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(skill, "sha256:aa", SYNCED_AT))
                .isTrue();
    }

    @Test
    void aSyncedSkillIsChangedWithoutReadingTheRemoteSkill() {
        assertThat(RemoteCheckPolicy.statusKnowsRemote(syncedSkill(), SYNCED_AT.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void anUploadWhoseAnswerWasNotRecordedMakesTheNextSyncReadTheRemoteSkill() {
        Skill skill = syncedSkill();
        skill.setStatus(StatusAggregator.withPendingUpload(skill, "skill_1", "sha256:bb", SYNCED_AT));

        assertThat(RemoteCheckPolicy.statusKnowsRemote(skill, SYNCED_AT.plusSeconds(60)))
                .isFalse();
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(skill, "sha256:aa", SYNCED_AT.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void statusMissingTheNameOrTheLatestVersionMakesTheSyncReadTheRemoteSkill() {
        Skill unnamed = syncedSkill();
        unnamed.getStatus().setSkillName(null);
        assertThat(RemoteCheckPolicy.statusKnowsRemote(unnamed, SYNCED_AT)).isFalse();

        Skill behind = syncedSkill();
        behind.getStatus().setLatestVersion("2");
        assertThat(RemoteCheckPolicy.statusKnowsRemote(behind, SYNCED_AT)).isFalse();
    }

    @Test
    void aDriftCheckAReconcileRequestOrAFailureReadsTheRemoteSkill() {
        assertThat(RemoteCheckPolicy.statusKnowsRemote(syncedSkill(), SYNCED_AT.plus(Duration.ofMinutes(10))))
                .isFalse();

        Skill requested = syncedSkill();
        requested.getMetadata().getAnnotations().put(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, "please");
        assertThat(RemoteCheckPolicy.statusKnowsRemote(requested, SYNCED_AT)).isFalse();

        Skill failed = syncedSkill();
        failed.setStatus(
                StatusAggregator.aggregate(failed, new SyncOutcome.Failed("ApiError", "down", false, true), SYNCED_AT));
        assertThat(RemoteCheckPolicy.statusKnowsRemote(failed, SYNCED_AT)).isFalse();
    }

    @Test
    void driftChecksOfSkillsSyncedTogetherAreSpreadOverTheInterval() {
        int skills = 1000;
        Duration interval = Duration.ofMinutes(10);
        List<Instant> due = new ArrayList<>();
        for (int n = 0; n < skills; n++) {
            Skill skill = syncedSkill();
            skill.getMetadata()
                    .setUid(UUID.nameUUIDFromBytes(("skill-" + n).getBytes(StandardCharsets.UTF_8))
                            .toString());
            due.add(SYNCED_AT.plus(RemoteCheckPolicy.untilDriftCheck(skill, SYNCED_AT)));
        }
        Collections.sort(due);

        double meanPerWindow = skills / (interval.toSeconds() / 10.0);
        for (Instant start : due) {
            long inWindow = due.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(10)))
                    .count();
            assertThat(inWindow)
                    .as("drift checks due in the 10 s from %s", start)
                    .isLessThanOrEqualTo((long) (2 * meanPerWindow));
        }
        assertThat(due.get(0)).isAfter(SYNCED_AT.plus(interval.dividedBy(2)));
        assertThat(due.get(skills - 1))
                .isBefore(SYNCED_AT.plus(interval.multipliedBy(3).dividedBy(2)));
    }

    @Test
    void aSkillIsCheckedOncePerIntervalOnItsOwnGrid() {
        Skill skill = syncedSkill();
        skill.getMetadata().setUid("5a1f0c1e-0000-4000-8000-000000000001");
        Instant first = SYNCED_AT.plus(RemoteCheckPolicy.untilDriftCheck(skill, SYNCED_AT));
        // The check is handled a little after it fell due, and status records when.
        skill.getStatus().setLastSyncedAt(first.plusMillis(800).toString());

        Instant second = first.plus(RemoteCheckPolicy.untilDriftCheck(skill, first.plusMillis(800)))
                .plusMillis(800);
        assertThat(Duration.between(first, second)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(skill, "sha256:aa", second.minusSeconds(1)))
                .isFalse();
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(skill, "sha256:aa", second))
                .isTrue();
    }

    private static Skill syncedSkill() {
        Skill skill = new Skill();
        skill.setMetadata(new ObjectMetaBuilder()
                .withName("a")
                .withNamespace("ns")
                .withGeneration(1L)
                .withAnnotations(new HashMap<>())
                .build());
        skill.getMetadata().getAnnotations().put(Constants.SKILL_ID_ANNOTATION, "skill_1");
        skill.setSpec(new SkillSpec());
        skill.setStatus(StatusAggregator.aggregate(
                skill,
                new SyncOutcome.Synced(
                        new RemoteState(
                                "skill_1",
                                "1",
                                "sha256:aa",
                                List.of(new SkillVersionStatus("1", "sha256:aa", null)),
                                "pdf-tools"),
                        "rv",
                        true,
                        "ok"),
                SYNCED_AT));
        return skill;
    }
}
