package dev.skillsync.reconciler;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a reconcile must talk to the Skills API. In steady state it must not: only a change, a failure to
 * retry, a requested reconcile or a due drift check justify a call.
 */
public final class RemoteCheckPolicy {

    private RemoteCheckPolicy() {
    }

    public static boolean remoteCheckNeeded(Skill skill, String desiredHash, Instant now) {
        SkillStatus status = skill.getStatus();
        if (status == null || status.getSkillId() == null || status.getPendingCreate() != null) {
            return true;
        }
        String annotatedId = skill.annotation(Constants.SKILL_ID_ANNOTATION);
        String requested = skill.annotation(Constants.RECONCILE_REQUESTED_AT_ANNOTATION);
        return !Objects.equals(skill.getMetadata().getGeneration(), status.getObservedGeneration())
                || !desiredHash.equals(status.getContentHash())
                || (annotatedId != null && !annotatedId.equals(status.getSkillId()))
                || (requested != null && !requested.equals(status.getLastHandledReconcileAt()))
                || !isReady(status)
                || driftCheckDue(skill, now);
    }

    /** Time until the next drift check is due; zero when it is due now. */
    public static Duration untilDriftCheck(Skill skill, Instant now) {
        Duration interval = skill.getSpec().intervalDuration();
        SkillStatus status = skill.getStatus();
        if (status == null || status.getLastSyncedAt() == null) {
            return Duration.ZERO;
        }
        Duration since = Duration.between(Instant.parse(status.getLastSyncedAt()), now);
        return since.compareTo(interval) >= 0 ? Duration.ZERO : interval.minus(since);
    }

    private static boolean driftCheckDue(Skill skill, Instant now) {
        return untilDriftCheck(skill, now).isZero();
    }

    private static boolean isReady(SkillStatus status) {
        return status.condition(SkillConditions.READY).filter(c -> "True".equals(c.getStatus())).isPresent();
    }
}
