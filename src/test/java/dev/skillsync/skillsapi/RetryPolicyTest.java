package dev.skillsync.skillsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(
                4, Duration.ofMillis(500), Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC), () -> random);
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryPolicy noJitter = policy(0);

        assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(noJitter.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.backoff(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(noJitter.backoff(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(noJitter.backoff(200)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterTakesOffUpToAQuarter() {
        assertThat(policy(0.5).backoff(2)).isEqualTo(Duration.ofMillis(875));
        assertThat(policy(0.999_999).backoff(1)).isGreaterThan(Duration.ofMillis(375));
    }

    @Test
    void retryAfterMillisecondsWinsOverSeconds() {
        Headers headers = Headers.of("retry-after-ms", "250.5", "retry-after", "9");

        assertThat(policy(0).requestedDelay(headers)).contains(Duration.ofNanos(250_500_000));
    }

    @Test
    void retryAfterAsHttpDateIsTheTimeUntilThen() {
        Headers headers = Headers.of("retry-after", "Sun, 22 Nov 2026 10:00:12 GMT");

        assertThat(policy(0).requestedDelay(headers)).contains(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterInThePastMeansNow() {
        Headers headers = Headers.of("retry-after", "Sun, 22 Nov 2026 09:59:00 GMT");

        assertThat(policy(0).requestedDelay(headers)).contains(Duration.ZERO);
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertThat(policy(0).requestedDelay(Headers.of("retry-after", "soon"))).isEmpty();
        assertThat(policy(0).requestedDelay(Headers.of("retry-after-ms", "-5"))).isEmpty();
        assertThat(policy(0).requestedDelay(Headers.of())).isEmpty();
    }

    @Test
    void shouldRetryHeaderOverridesTheStatus() {
        RetryPolicy policy = policy(0);

        assertThat(policy.isRetryable(400, Headers.of("x-should-retry", "true")))
                .isTrue();
        assertThat(policy.isRetryable(503, Headers.of("x-should-retry", "false")))
                .isFalse();
        assertThat(policy.isRetryable(503, Headers.of("x-should-retry", "maybe")))
                .isTrue();
        assertThat(policy.isRetryable(404, Headers.of())).isFalse();
    }

    @Test
    void retryableStatuses() {
        assertThat(List.of(0, 408, 409, 429, 500, 503, 529)).allMatch(RetryPolicy::isRetryableStatus);
        assertThat(List.of(200, 307, 400, 401, 403, 404, 413, 422)).noneMatch(RetryPolicy::isRetryableStatus);
    }
}
