package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.Constants;
import dev.skillsync.resource.PendingCreate;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillStatus;
import dev.skillsync.resource.SkillVersionStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final RemoteState REMOTE = new RemoteState(
            "skill_1",
            "100",
            "sha256:aa",
            List.of(new SkillVersionStatus("100", "sha256:aa", "2026-11-22T09:00:00Z")),
            "pdf-tools");

    @Test
    void aSyncSetsTheRemoteIdentityAndReadyTrue() {
        Skill skill = skill(3L, null);

        SkillStatus status = StatusAggregator.aggregate(skill, synced(true), T0);

        assertThat(status.getObservedGeneration()).isEqualTo(3L);
        assertThat(status.getSkillId()).isEqualTo("skill_1");
        assertThat(status.getLatestVersion()).isEqualTo("100");
        assertThat(status.getContentHash()).isEqualTo("sha256:aa");
        assertThat(status.getSourceRevision()).isEqualTo("rv-7");
        assertThat(status.getLastSyncedAt()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(condition(status, "Ready"))
                .extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("True", "Synced");
        assertThat(condition(status, "Reconciling").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Stalled").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Ready").getObservedGeneration()).isEqualTo(3L);
    }

    @Test
    void theSameOutcomeLaterGivesAnEqualStatusSoNothingIsWritten() {
        Skill skill = skill(1L, null);
        skill.setStatus(StatusAggregator.aggregate(skill, synced(false), T0));

        SkillStatus again = StatusAggregator.aggregate(skill, synced(false), T0.plus(Duration.ofMinutes(5)));

        assertThat(again).isEqualTo(skill.getStatus());
    }

    @Test
    void aConditionKeepsItsTransitionTimeUntilItsStatusChanges() {
        Skill skill = skill(1L, null);
        skill.setStatus(StatusAggregator.aggregate(skill, failed("ApiError", "boom"), T0));

        SkillStatus otherReason =
                StatusAggregator.aggregate(skill, failed("RateLimited", "slow down"), T0.plusSeconds(60));
        assertThat(condition(otherReason, "Ready").getLastTransitionTime()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(condition(otherReason, "Ready").getReason()).isEqualTo("RateLimited");

        skill.setStatus(otherReason);
        SkillStatus recovered = StatusAggregator.aggregate(skill, synced(true), T0.plusSeconds(120));
        assertThat(condition(recovered, "Ready").getLastTransitionTime()).isEqualTo("2026-11-22T10:02:00Z");
    }

    @Test
    void aFailureKeepsWhatIsKnownOfTheRemoteSkill() {
        Skill skill = skill(1L, null);
        skill.setStatus(StatusAggregator.aggregate(skill, synced(true), T0));

        SkillStatus failedStatus = StatusAggregator.aggregate(skill, failed("ApiError", "down"), T0.plusSeconds(30));

        assertThat(failedStatus.getSkillId()).isEqualTo("skill_1");
        assertThat(failedStatus.getLatestVersion()).isEqualTo("100");
        assertThat(failedStatus.getLastSyncedAt()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(condition(failedStatus, "Ready").getMessage()).isEqualTo("down");
    }

    @Test
    void aStalledFailureSetsStalledTrueWithTheMessage() {
        SkillStatus status = StatusAggregator.aggregate(
                skill(1L, null), new SyncOutcome.Failed("InvalidContent", "SKILL.md lacks a name", true, false), T0);

        assertThat(condition(status, "Stalled"))
                .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
                .containsExactly("True", "InvalidContent", "SKILL.md lacks a name");
    }

    @Test
    void aPendingCreateMakesReadyUnknownAndIsClearedBySuccess() {
        Skill skill = skill(1L, null);
        PendingCreate pending = new PendingCreate("ns/a", "sha256:aa", T0.toString());

        SkillStatus inFlight = StatusAggregator.withPendingCreate(skill, pending, T0);
        assertThat(inFlight.getPendingCreate()).isEqualTo(pending);
        assertThat(condition(inFlight, "Ready").getStatus()).isEqualTo("Unknown");
        assertThat(condition(inFlight, "Reconciling").getStatus()).isEqualTo("True");

        skill.setStatus(inFlight);
        assertThat(StatusAggregator.aggregate(skill, synced(true), T0).getPendingCreate())
                .isNull();
    }

    @Test
    void aHandledReconcileRequestIsEchoedOnlyWhenTheRemoteWasChecked() {
        Skill skill = skill(1L, "2026-11-22T09:59:00Z");

        assertThat(StatusAggregator.aggregate(skill, synced(false), T0).getLastHandledReconcileAt())
                .isNull();
        assertThat(StatusAggregator.aggregate(skill, synced(true), T0).getLastHandledReconcileAt())
                .isEqualTo("2026-11-22T09:59:00Z");
    }

    @Test
    void suspendedAndDeletionStatesHaveTheirReasons() {
        Skill skill = skill(1L, null);
        assertThat(condition(StatusAggregator.aggregate(skill, new SyncOutcome.Suspended(), T0), "Ready")
                        .getReason())
                .isEqualTo("Suspended");
        SkillStatus deleting = StatusAggregator.aggregate(skill, new SyncOutcome.Deleting("deleting"), T0);
        assertThat(condition(deleting, "Reconciling"))
                .extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("True", "Deleting");
        assertThat(condition(StatusAggregator.aggregate(skill, new SyncOutcome.DeletionBlocked("no"), T0), "Ready")
                        .getReason())
                .isEqualTo("DeletionBlocked");
    }

    private static SyncOutcome synced(boolean remoteChecked) {
        return new SyncOutcome.Synced(REMOTE, "rv-7", remoteChecked, "remote skill is up to date");
    }

    private static SyncOutcome failed(String reason, String message) {
        return new SyncOutcome.Failed(reason, message, false, true);
    }

    private static Condition condition(SkillStatus status, String type) {
        return status.condition(type).orElseThrow();
    }

    private static Skill skill(Long generation, String reconcileRequestedAt) {
        Skill skill = new Skill();
        var metadata = new ObjectMetaBuilder().withName("a").withNamespace("ns").withGeneration(generation);
        if (reconcileRequestedAt != null) {
            metadata.withAnnotations(Map.of(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, reconcileRequestedAt));
        }
        skill.setMetadata(metadata.build());
        return skill;
    }
}
