package dev.skillsync.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VersionClockTest {

    @Test
    void versionsIncreaseEvenWithinTheSameMicrosecond() {
        Instant frozen = Instant.parse("2025-09-29T20:33:30.641129Z");
        VersionClock clock = new VersionClock(Clock.fixed(frozen, ZoneOffset.UTC));

        long[] versions = LongStream.generate(clock::nextMicros).limit(3).toArray();

        assertThat(versions).containsExactly(1759178010641129L, 1759178010641130L, 1759178010641131L);
        assertThat(VersionClock.toInstant(versions[0])).isEqualTo(frozen);
    }
}
