package dev.skillsync.fake;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hands out skill version identifiers: Unix epoch microseconds, strictly increasing even when
 * two versions are created within the same microsecond.
 */
final class VersionClock {

    private final Clock clock;
    private long lastMicros;

    VersionClock(Clock clock) {
        this.clock = clock;
    }

    synchronized long nextMicros() {
        Instant now = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        lastMicros = Math.max(micros, lastMicros + 1);
        return lastMicros;
    }

    static Instant toInstant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
