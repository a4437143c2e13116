package dev.skillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StormWindowTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void countsTheMostCallsWithinOneWindowOfAnyCall() {
        List<Long> calls = List.of(0L, SECOND, 5 * SECOND, 5 * SECOND + 1, 6 * SECOND, 9 * SECOND + SECOND / 2);

        assertThat(StormWindow.busiest(calls, Duration.ofSeconds(5))).isEqualTo(4);
    }

    @Test
    void aCallExactlyOneWindowLaterIsInTheNextWindow() {
        assertThat(StormWindow.busiest(List.of(5 * SECOND, 0L, 10 * SECOND), Duration.ofSeconds(5)))
                .isEqualTo(1);
    }

    @Test
    void noCallsIsZero() {
        assertThat(StormWindow.busiest(List.of(), Duration.ofSeconds(5))).isZero();
    }
}
