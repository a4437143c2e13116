package dev.skillsync.reconciler;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillStatus;
import dev.skillsync.resource.SkillVersionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a reconcile must talk to the Skills API, and whether it must read the remote skill first. In steady
 * state it must not talk at all: only a change, a failure to retry, a requested reconcile or a due drift check justify
 * a call. A change of a Skill whose status records the remote skill as it is needs no read.
 * <p>
 * Drift checks fall on a grid of the Skill's own: every {@code interval}, shifted by a stable offset derived from the
 * Skill's uid. Skills synced together (after an install or a restart) are so checked spread over the interval, not all
 * at once: in steady state each Skill once per interval. The first check after a sync comes at the first point of the
 * grid more than half an interval later, so that a check handled a little after its point keeps the next point.
 */
public final class RemoteCheckPolicy {

    private RemoteCheckPolicy() {}

    public static boolean remoteCheckNeeded(Skill skill, String desiredHash, Instant now) {
        SkillStatus status = skill.getStatus();
        if (status == null
                || status.getSkillId() == null
                || status.getPendingCreate() != null
                || status.getPendingUpload() != null) {
            return true;
        }
        return !Objects.equals(skill.getMetadata().getGeneration(), status.getObservedGeneration())
                || !desiredHash.equals(status.getContentHash())
                || !annotationAgrees(skill, status)
                || reconcileRequested(skill, status)
                || !isReady(status)
                || driftCheckDue(skill, now);
    }

    /**
     * Whether status records the remote skill as it was last seen, so that a change can be made with writes only:
     * the skill, its name and its versions are recorded; no create or upload is in flight whose answer went unrecorded
     * (a crash, a lost answer); the last sync succeeded; and neither a drift check nor a requested reconcile asks to
     * look at the remote skill.
     */
    public static boolean statusKnowsRemote(Skill skill, Instant now) {
        SkillStatus status = skill.getStatus();
        if (status == null
                || status.getSkillId() == null
                || status.getSkillName() == null
                || status.getContentHash() == null
                || status.getPendingCreate() != null
                || status.getPendingUpload() != null) {
            return false;
        }
        List<SkillVersionStatus> versions = status.getVersions();
        if (versions == null
                || versions.isEmpty()
                || !Objects.equals(versions.get(0).getVersion(), status.getLatestVersion())
                || !Objects.equals(versions.get(0).getContentHash(), status.getContentHash())) {
            return false;
        }
        return annotationAgrees(skill, status)
                && !reconcileRequested(skill, status)
                && isReady(status)
                && !driftCheckDue(skill, now);
    }

    /**
     * Time until the next drift check is due; zero when it is due now. It falls on the first point of the Skill's grid
     * more than half an interval after the last sync.
     */
    public static Duration untilDriftCheck(Skill skill, Instant now) {
        return untilDriftCheck(skill, skill.getStatus(), now);
    }

    /** As {@link #untilDriftCheck(Skill, Instant)} once the Skill's status is the given one. */
    public static Duration untilDriftCheck(Skill skill, SkillStatus status, Instant now) {
        if (status == null || status.getLastSyncedAt() == null) {
            return Duration.ZERO;
        }
        long interval = Math.max(1, skill.getSpec().intervalDuration().toMillis());
        long after = Instant.parse(status.getLastSyncedAt()).toEpochMilli() + interval / 2;
        long due =
                after + 1 + Math.floorMod(offsetMillis(skill.getMetadata().getUid(), interval) - after - 1, interval);
        long until = due - now.toEpochMilli();
        return until <= 0 ? Duration.ZERO : Duration.ofMillis(until);
    }

    /** A stable offset in [0, interval) spread evenly over Skills by their uid. */
    static long offsetMillis(String uid, long intervalMillis) {
        if (uid == null) {
            return 0;
        }
        // The finaliser of SplitMix64: neighbouring hash codes land far apart.
        long z = uid.hashCode() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return Math.floorMod(z, intervalMillis);
    }

    private static boolean driftCheckDue(Skill skill, Instant now) {
        return untilDriftCheck(skill, now).isZero();
    }

    private static boolean annotationAgrees(Skill skill, SkillStatus status) {
        String annotatedId = skill.annotation(Constants.SKILL_ID_ANNOTATION);
        return annotatedId == null || annotatedId.equals(status.getSkillId());
    }

    private static boolean reconcileRequested(Skill skill, SkillStatus status) {
        String requested = skill.annotation(Constants.RECONCILE_REQUESTED_AT_ANNOTATION);
        return requested != null && !requested.equals(status.getLastHandledReconcileAt());
    }

    private static boolean isReady(SkillStatus status) {
        return status.condition(SkillConditions.READY)
                .filter(c -> "True".equals(c.getStatus()))
                .isPresent();
    }
}
