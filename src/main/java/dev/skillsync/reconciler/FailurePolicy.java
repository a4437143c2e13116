package dev.skillsync.reconciler;

import dev.skillsync.failure.SkillFailure;
import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillStatus;
import dev.skillsync.skillsapi.SkillsApiException;
import java.time.Duration;
import java.time.Instant;

/**
 * The one place a failure becomes what the user sees: the Ready reason and message, whether the Skill is Stalled, and
 * when the operator tries again. A failure that needs a person is looked at again only at the Skill's interval; any
 * other is retried with a backoff that grows with the time the Skill has been failing, and never sooner than the
 * Skills API asked.
 */
public final class FailurePolicy {

    private final RetryBackoff backoff;
    private final Duration rateLimitedBackoff;

    /** @param rateLimitedBackoff the least wait after a 429 */
    public FailurePolicy(RetryBackoff backoff, Duration rateLimitedBackoff) {
        this.backoff = backoff;
        this.rateLimitedBackoff = rateLimitedBackoff;
    }

    /**
     * @param failure a {@link SkillFailure}, a {@link SkillsApiException}, or anything unforeseen (the Kubernetes API
     *        failing, say), which is retried
     * @param status the Skill's status before this reconcile
     * @param interval when to look again at a Skill whose failure needs a person (its interval); null to wait for a
     *        change of the Skill
     */
    public FailureVerdict judge(Exception failure, SkillStatus status, Duration interval, Instant now) {
        if (failure instanceof SkillFailure typed) {
            return typed.needsPerson()
                    ? stalled(typed.reason(), typed.getMessage(), interval)
                    : new FailureVerdict(typed.reason(), typed.getMessage(), false, backoff.next(status, now));
        }
        if (failure instanceof SkillsApiException api) {
            return judgeApi(api, backoff.next(status, now), interval);
        }
        return new FailureVerdict(
                SkillConditions.API_ERROR, "sync failed: " + failure.getMessage(), false, backoff.next(status, now));
    }

    /**
     * A remote deletion that failed: the finalizer stays and the deletion is retried with backoff, whatever the cause,
     * since the way out (deletionPolicy Orphan) is always open to the user.
     */
    public FailureVerdict deletionBlocked(Exception failure, SkillStatus status, Instant now) {
        return new FailureVerdict(
                SkillConditions.DELETION_BLOCKED,
                "cannot delete the remote skill: "
                        + failure.getMessage()
                        + "; fix the cause, or set spec.deletionPolicy to Orphan to delete this Skill "
                        + "and keep the remote skill",
                false,
                backoff.next(status, now));
    }

    private FailureVerdict judgeApi(SkillsApiException e, Duration retryBackoff, Duration interval) {
        if (e.isAuthenticationFailure()) {
            return stalled(
                    SkillConditions.AUTHENTICATION_FAILED,
                    "the Skills API rejected the API key: "
                            + e.getMessage() + "; fix the key in the Secret and annotate the Skill with "
                            + "skillsync.dev/reconcile-requested-at to retry now",
                    interval);
        }
        if (e.isRateLimited()) {
            Duration wait = longest(
                    longest(retryBackoff, rateLimitedBackoff), e.retryAfter().orElse(Duration.ZERO));
            return new FailureVerdict(
                    SkillConditions.RATE_LIMITED,
                    "the Skills API is rate limiting requests: " + e.getMessage() + "; retrying in " + wait.toSeconds()
                            + "s",
                    false,
                    wait);
        }
        if (e.status() == 400 || e.status() == 413 || e.status() == 422) {
            return stalled(
                    SkillConditions.INVALID_CONTENT,
                    "the Skills API refused the skill: " + e.getMessage() + "; fix the skill files",
                    interval);
        }
        Duration wait = longest(retryBackoff, e.retryAfter().orElse(Duration.ZERO));
        return new FailureVerdict(
                SkillConditions.API_ERROR,
                "Skills API call failed: " + e.getMessage() + "; retrying in " + wait.toSeconds() + "s",
                false,
                wait);
    }

    /** Looked at again at the interval, if any: an unwatched source or a Secret may have been fixed meanwhile. */
    private static FailureVerdict stalled(String reason, String message, Duration interval) {
        return new FailureVerdict(reason, message, true, interval);
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
