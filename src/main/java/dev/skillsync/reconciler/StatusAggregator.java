package dev.skillsync.reconciler;

import static dev.skillsync.resource.SkillConditions.DELETING;
import static dev.skillsync.resource.SkillConditions.DELETION_BLOCKED;
import static dev.skillsync.resource.SkillConditions.PROGRESSING;
import static dev.skillsync.resource.SkillConditions.READY;
import static dev.skillsync.resource.SkillConditions.RECONCILING;
import static dev.skillsync.resource.SkillConditions.STALLED;
import static dev.skillsync.resource.SkillConditions.SUSPENDED;
import static dev.skillsync.resource.SkillConditions.SYNCED;

import dev.skillsync.Constants;
import dev.skillsync.resource.PendingCreate;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a Skill's next status from its current one and the outcome of a reconcile. Conditions keep their
 * {@code lastTransitionTime} unless their status changes, so an unchanged outcome gives an equal status, which is then
 * not written.
 */
public final class StatusAggregator {

    private static final String TRUE = "True";
    private static final String FALSE = "False";
    private static final String UNKNOWN = "Unknown";

    private StatusAggregator() {}

    public static SkillStatus aggregate(Skill skill, SyncOutcome outcome, Instant now) {
        SkillStatus previous = skill.getStatus() == null ? new SkillStatus() : skill.getStatus();
        SkillStatus next = previous.copy();
        Long generation = skill.getMetadata().getGeneration();
        String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        next.setObservedGeneration(generation);

        if (outcome instanceof SyncOutcome.Synced synced) {
            RemoteState remote = synced.remote();
            next.setSkillId(remote.skillId());
            next.setLatestVersion(remote.latestVersion());
            next.setContentHash(remote.contentHash());
            next.setVersions(new ArrayList<>(remote.versions()));
            next.setSourceRevision(synced.sourceRevision());
            next.setPendingCreate(null);
            next.setPendingUpload(null);
            if (remote.skillName() != null || !Objects.equals(remote.skillId(), previous.getSkillId())) {
                next.setSkillName(remote.skillName());
            }
            if (synced.remoteChecked()) {
                next.setLastSyncedAt(timestamp);
                next.setLastHandledReconcileAt(requestedReconcile(skill, previous));
            }
            setConditions(
                    next,
                    generation,
                    timestamp,
                    condition(READY, TRUE, SYNCED, synced.message()),
                    condition(RECONCILING, FALSE, SYNCED, ""),
                    condition(STALLED, FALSE, SYNCED, ""));
        } else if (outcome instanceof SyncOutcome.InProgress progress) {
            boolean neverReady = previous.getSkillId() == null;
            setConditions(
                    next,
                    generation,
                    timestamp,
                    neverReady ? condition(READY, UNKNOWN, PROGRESSING, progress.message()) : null,
                    condition(RECONCILING, TRUE, PROGRESSING, progress.message()),
                    condition(STALLED, FALSE, PROGRESSING, ""));
        } else if (outcome instanceof SyncOutcome.Failed failed) {
            if (failed.remoteChecked()) {
                next.setLastHandledReconcileAt(requestedReconcile(skill, previous));
            }
            setConditions(
                    next,
                    generation,
                    timestamp,
                    condition(READY, FALSE, failed.reason(), failed.message()),
                    condition(RECONCILING, FALSE, failed.reason(), ""),
                    condition(
                            STALLED,
                            failed.stalled() ? TRUE : FALSE,
                            failed.reason(),
                            failed.stalled() ? failed.message() : ""));
        } else if (outcome instanceof SyncOutcome.Suspended) {
            setConditions(
                    next,
                    generation,
                    timestamp,
                    condition(READY, FALSE, SUSPENDED, "spec.suspend is true: no calls are made to the Skills API"),
                    condition(RECONCILING, FALSE, SUSPENDED, ""),
                    condition(STALLED, FALSE, SUSPENDED, ""));
        } else if (outcome instanceof SyncOutcome.Deleting deleting) {
            setConditions(
                    next,
                    generation,
                    timestamp,
                    condition(READY, FALSE, DELETING, deleting.message()),
                    condition(RECONCILING, TRUE, DELETING, deleting.message()),
                    condition(STALLED, FALSE, DELETING, ""));
        } else if (outcome instanceof SyncOutcome.DeletionBlocked blocked) {
            setConditions(
                    next,
                    generation,
                    timestamp,
                    condition(READY, FALSE, DELETION_BLOCKED, blocked.message()),
                    condition(RECONCILING, TRUE, DELETING, blocked.message()),
                    condition(STALLED, FALSE, DELETING, ""));
        }
        return next;
    }

    /** The status with a create marked as in flight, written before the create call. */
    public static SkillStatus withPendingCreate(Skill skill, PendingCreate pendingCreate, Instant now) {
        SkillStatus next = aggregate(
                skill,
                new SyncOutcome.InProgress("creating remote skill '" + pendingCreate.getDisplayTitle() + "'"),
                now);
        next.setPendingCreate(pendingCreate);
        return next;
    }

    /** The status with a version upload marked as in flight, written before the upload. */
    public static SkillStatus withPendingUpload(Skill skill, String skillId, String contentHash, Instant now) {
        SkillStatus next =
                aggregate(skill, new SyncOutcome.InProgress("uploading a new version of remote skill " + skillId), now);
        next.setPendingUpload(contentHash);
        return next;
    }

    private static String requestedReconcile(Skill skill, SkillStatus previous) {
        String requested = skill.annotation(Constants.RECONCILE_REQUESTED_AT_ANNOTATION);
        return requested != null ? requested : previous.getLastHandledReconcileAt();
    }

    private static Condition condition(String type, String status, String reason, String message) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .build();
    }

    /** Replaces the given condition types, keeping each one's transition time when its status is unchanged. */
    private static void setConditions(SkillStatus status, Long generation, String now, Condition... updates) {
        List<Condition> conditions =
                new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
        for (Condition update : updates) {
            if (update == null) {
                continue;
            }
            Condition existing = conditions.stream()
                    .filter(c -> update.getType().equals(c.getType()))
                    .findFirst()
                    .orElse(null);
            boolean transitioned = existing == null || !Objects.equals(existing.getStatus(), update.getStatus());
            update.setLastTransitionTime(transitioned ? now : existing.getLastTransitionTime());
            update.setObservedGeneration(generation);
            if (existing != null) {
                conditions.set(conditions.indexOf(existing), update);
            } else {
                conditions.add(update);
            }
        }
        status.setConditions(conditions);
    }
}
