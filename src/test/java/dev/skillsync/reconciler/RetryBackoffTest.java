package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofMinutes(5);

    private final RetryBackoff backoff = new RetryBackoff(MIN, MAX);

    @Test
    void aFreshFailureWaitsTheFloor() {
        assertThat(backoff.next(ready("False", Duration.ZERO), NOW)).isEqualTo(MIN);
        assertThat(backoff.next(ready("False", Duration.ofSeconds(9)), NOW)).isEqualTo(MIN);
    }

    @Test
    void theWaitGrowsWithTheTimeReadyHasBeenFalse() {
        assertThat(backoff.next(ready("False", Duration.ofSeconds(10)), NOW)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.next(ready("False", Duration.ofSeconds(45)), NOW)).isEqualTo(Duration.ofSeconds(45));
        assertThat(backoff.next(ready("False", Duration.ofSeconds(200)), NOW)).isEqualTo(Duration.ofSeconds(200));
    }

    @Test
    void theWaitStopsGrowingAtTheCeiling() {
        assertThat(backoff.next(ready("False", MAX), NOW)).isEqualTo(MAX);
        assertThat(backoff.next(ready("False", Duration.ofHours(3)), NOW)).isEqualTo(MAX);
    }

    @Test
    void aSkillNotFailingBeforeWaitsTheFloor() {
        assertThat(backoff.next(null, NOW)).isEqualTo(MIN);
        assertThat(backoff.next(new SkillStatus(), NOW)).isEqualTo(MIN);
        assertThat(backoff.next(ready("True", Duration.ofHours(1)), NOW)).isEqualTo(MIN);
        assertThat(backoff.next(ready("Unknown", Duration.ofHours(1)), NOW)).isEqualTo(MIN);
    }

    @Test
    void onlyTheReadyConditionCounts() {
        SkillStatus status = new SkillStatus();
        status.getConditions()
                .add(new ConditionBuilder()
                        .withType(SkillConditions.STALLED)
                        .withStatus("False")
                        .withLastTransitionTime(NOW.minus(Duration.ofMinutes(2)).toString())
                        .build());

        assertThat(backoff.next(status, NOW)).isEqualTo(MIN);
    }

    private static SkillStatus ready(String value, Duration since) {
        SkillStatus status = new SkillStatus();
        status.getConditions()
                .add(new ConditionBuilder()
                        .withType(SkillConditions.READY)
                        .withStatus(value)
                        .withReason("Whatever")
                        .withLastTransitionTime(NOW.minus(since).toString())
                        .build());
        return status;
    }
}
