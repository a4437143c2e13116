package dev.skillsync.bench;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What the benchmark is asked to do, from system properties: {@code skillsync.bench.skills} (Skills to sync, default
 * 100), {@code skillsync.bench.steady-seconds} (the steady-state window, default 20),
 * {@code skillsync.bench.timeout-seconds} (the most any one wait may take, default 300), and
 * {@code skillsync.bench.storm} (429 or 503: add a storm phase, every Skills API call answered with that status and
 * {@code retry-after: 5} for {@code skillsync.bench.storm-seconds}, default 20; no storm unless set).
 *
 * @param stormStatus the status of the storm phase's answers; empty for no storm phase
 */
record BenchSettings(int skills, Duration steadyWindow, Duration timeout, OptionalInt stormStatus,
                     Duration stormLength) {

    static final Duration STORM_RETRY_AFTER = Duration.ofSeconds(5);

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(positive("skillsync.bench.skills", 100),
                Duration.ofSeconds(positive("skillsync.bench.steady-seconds", 20)),
                Duration.ofSeconds(positive("skillsync.bench.timeout-seconds", 300)), stormStatusProperty(),
                Duration.ofSeconds(positive("skillsync.bench.storm-seconds", 20)));
    }

    private static OptionalInt stormStatusProperty() {
        String value = System.getProperty("skillsync.bench.storm");
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        return switch (value.trim()) {
            case "429" -> OptionalInt.of(429);
            case "503" -> OptionalInt.of(503);
            default -> throw new IllegalArgumentException(
                    "-Dskillsync.bench.storm must be 429 or 503, got '" + value + "'");
        };
    }

    private static int positive(String property, int defaultValue) {
        String value = System.getProperty(property);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below, which says what to write instead.
        }
        throw new IllegalArgumentException("-D" + property + " must be a whole number of at least 1, got '" + value
                + "'");
    }
}
