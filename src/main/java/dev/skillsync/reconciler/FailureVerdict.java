package dev.skillsync.reconciler;

import java.time.Duration;

/**
 * What a failure means for the Skill, as {@link FailurePolicy} judged it.
 *
 * @param stalled true when nothing changes without a change of spec, content or credentials
 * @param retryAfter when to look at the Skill again
 */
public record FailureVerdict(String reason, String message, boolean stalled, Duration retryAfter) {

    /** @param remoteChecked true when the Skills API was asked in this reconcile (the drift check counts as done) */
    public SyncOutcome.Failed outcome(boolean remoteChecked) {
        return new SyncOutcome.Failed(reason, message, stalled, remoteChecked);
    }
}
