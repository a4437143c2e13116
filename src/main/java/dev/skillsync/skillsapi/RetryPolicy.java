package dev.skillsync.skillsapi;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;

/**
 * When a failed call is tried again and after how long: exponential backoff with jitter, unless the server says
 * otherwise with {@code x-should-retry}, {@code retry-after-ms} or {@code retry-after}.
 */
final class RetryPolicy {

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) that spread the retries of many callers apart */
    RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Clock clock, DoubleSupplier random) {
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
        this.random = random;
    }

    /** The statuses of answers that may succeed when sent again; 0 stands for no answer. */
    static boolean isRetryableStatus(int status) {
        return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
    }

    int maxRetries() {
        return maxRetries;
    }

    Duration maxBackoff() {
        return maxBackoff;
    }

    /** Whether an error answer may be retried; {@code x-should-retry} from the server overrides the status. */
    boolean isRetryable(int status, Headers headers) {
        String shouldRetry = headers.get("x-should-retry");
        if (shouldRetry != null) {
            String hint = shouldRetry.strip();
            if (hint.equalsIgnoreCase("true")) {
                return true;
            }
            if (hint.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return isRetryableStatus(status);
    }

    /** The wait the server asked for: {@code retry-after-ms}, else {@code retry-after} (seconds or HTTP date). */
    Optional<Duration> requestedDelay(Headers headers) {
        Optional<Duration> millis =
                number(headers.get("retry-after-ms")).map(ms -> Duration.ofNanos((long) (ms * 1e6)));
        if (millis.isPresent()) {
            return millis;
        }
        String retryAfter = headers.get("retry-after");
        if (retryAfter == null) {
            return Optional.empty();
        }
        Optional<Duration> seconds = number(retryAfter).map(s -> Duration.ofNanos((long) (s * 1e9)));
        if (seconds.isPresent()) {
            return seconds;
        }
        Date date = headers.getDate("retry-after");
        if (date == null) {
            return Optional.empty();
        }
        Duration untilDate = Duration.between(clock.instant(), date.toInstant());
        return Optional.of(untilDate.isNegative() ? Duration.ZERO : untilDate);
    }

    /**
     * The wait an answer asks of every call, not only its own: a 429 or 5xx that names a wait ({@code retry-after-ms}
     * or {@code retry-after}). Without one, each call backs off on its own.
     */
    Optional<Duration> pauseAskedBy(int status, Headers headers) {
        return status == 429 || status >= 500 ? requestedDelay(headers) : Optional.empty();
    }

    /** Exponential backoff before retry number {@code retry} (1 for the first), capped, less up to a quarter. */
    Duration backoff(int retry) {
        double doubled = initialBackoff.toNanos() * Math.pow(2, retry - 1);
        double capped = Math.min(doubled, maxBackoff.toNanos());
        return Duration.ofNanos((long) (capped * (1 - 0.25 * random.getAsDouble())));
    }

    private static Optional<Double> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            double number = Double.parseDouble(value.strip());
            return Double.isFinite(number) && number >= 0 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
