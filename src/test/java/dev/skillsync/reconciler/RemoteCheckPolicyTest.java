package dev.skillsync.reconciler;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillSpec;
import dev.skillsync.resource.SkillVersionStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteCheckPolicyTest {

    private static final Instant SYNCED_AT = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aSyncedSkillWithinItsIntervalNeedsNoCall() {
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(syncedSkill(), "sha256:aa", SYNCED_AT.plusSeconds(60))).isFalse();
    }

    @Test
    void changedContentNeedsACall() {
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(syncedSkill(), "sha256:bb", SYNCED_AT.plusSeconds(60))).isTrue();
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
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(newGeneration, "sha256:aa", SYNCED_AT)).isTrue();

        Skill requested = syncedSkill();
        requested.getMetadata().getAnnotations().put(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, "please");
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(requested, "sha256:aa", SYNCED_AT)).isTrue();
        requested.getStatus().setLastHandledReconcileAt("please");
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(requested, "sha256:aa", SYNCED_AT)).isFalse();
    }

    @Test
    void anAnnotationNamingAnotherSkillNeedsACall() {
        Skill skill = syncedSkill();
        skill.getMetadata().getAnnotations().put(Constants.SKILL_ID_ANNOTATION, "skill_other");
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(skill, "sha256:aa", SYNCED_AT)).isTrue();
    }

    @Test
    void aFailedSkillIsRetried() {
        Skill skill = syncedSkill();
        skill.setStatus(StatusAggregator.aggregate(skill,
                new SyncOutcome.Failed("ApiError", "down", false, true), SYNCED_AT));
        assertThat(RemoteCheckPolicy.remoteCheckNeeded(skill, "sha256:aa", SYNCED_AT)).isTrue();
    }

    private static Skill syncedSkill() {
        Skill skill = new Skill();
        skill.setMetadata(new ObjectMetaBuilder().withName("a").withNamespace("ns").withGeneration(1L)
                .withAnnotations(new HashMap<>()).build());
        skill.getMetadata().getAnnotations().put(Constants.SKILL_ID_ANNOTATION, "skill_1");
        skill.setSpec(new SkillSpec());
        skill.setStatus(StatusAggregator.aggregate(skill, new SyncOutcome.Synced(new RemoteState("skill_1", "1",
                "sha256:aa", List.of(new SkillVersionStatus("1", "sha256:aa", null))), "rv", true, "ok"), SYNCED_AT));
        return skill;
    }
}
