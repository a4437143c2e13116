package dev.skillsync.reconciler;

import dev.skillsync.resource.SkillConditions;
import dev.skillsync.skillsapi.SkillsApiException;

import java.time.Duration;

/** Turns a Skills API error into the Ready reason, message and retry a user sees. */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    /**
     * @param retryBackoff the backoff for a retryable failure
     * @param rateLimitedBackoff the least wait after a 429
     * @param interval the Skill's interval, when a stalled failure is looked at again
     */
    public static SyncFailure classify(SkillsApiException e, Duration retryBackoff, Duration rateLimitedBackoff,
            Duration interval) {
        if (e.isAuthenticationFailure()) {
            return new SyncFailure(SkillConditions.AUTHENTICATION_FAILED, "the Skills API rejected the API key: "
                    + e.getMessage() + "; fix the key in the Secret and annotate the Skill with "
                    + "skillsync.dev/reconcile-requested-at to retry now", true, interval);
        }
        if (e.isRateLimited()) {
            Duration wait = longest(longest(retryBackoff, rateLimitedBackoff), e.retryAfter().orElse(Duration.ZERO));
            return new SyncFailure(SkillConditions.RATE_LIMITED, "the Skills API is rate limiting requests: "
                    + e.getMessage() + "; retrying in " + wait.toSeconds() + "s", false, wait);
        }
        if (e.status() == 400 || e.status() == 413 || e.status() == 422) {
            return new SyncFailure(SkillConditions.INVALID_CONTENT, "the Skills API refused the skill: "
                    + e.getMessage() + "; fix the skill files", true, interval);
        }
        Duration wait = longest(retryBackoff, e.retryAfter().orElse(Duration.ZERO));
        return new SyncFailure(SkillConditions.API_ERROR, "Skills API call failed: " + e.getMessage()
                + "; retrying in " + wait.toSeconds() + "s", false, wait);
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
