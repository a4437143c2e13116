package dev.skillsync.bench;

import java.time.Duration;

/**
 * What the benchmark is asked to do, from system properties: {@code skillsync.bench.skills} (Skills to sync, default
 * 100), {@code skillsync.bench.steady-seconds} (the steady-state window, default 20) and
 * {@code skillsync.bench.timeout-seconds} (the most any one wait may take, default 300).
 */
record BenchSettings(int skills, Duration steadyWindow, Duration timeout) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(positive("skillsync.bench.skills", 100),
                Duration.ofSeconds(positive("skillsync.bench.steady-seconds", 20)),
                Duration.ofSeconds(positive("skillsync.bench.timeout-seconds", 300)));
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
