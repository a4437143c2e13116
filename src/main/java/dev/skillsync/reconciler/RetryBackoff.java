package dev.skillsync.reconciler;

import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Backoff for retryable failures without counters to keep: the wait grows with the time the Skill has been failing
 * (since Ready became False), between a floor and a ceiling.
 */
public final class RetryBackoff {

    private final Duration min;
    private final Duration max;

    public RetryBackoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    public Duration next(SkillStatus status, Instant now) {
        Duration failingFor =
                failingSince(status).map(since -> Duration.between(since, now)).orElse(Duration.ZERO);
        Duration wait = failingFor.compareTo(min) < 0 ? min : failingFor;
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Optional<Instant> failingSince(SkillStatus status) {
        if (status == null) {
            return Optional.empty();
        }
        return status.condition(SkillConditions.READY)
                .filter(c -> "False".equals(c.getStatus()))
                .map(c -> Instant.parse(c.getLastTransitionTime()));
    }
}
