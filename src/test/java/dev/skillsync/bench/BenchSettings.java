package dev.skillsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the benchmark is asked to do, from system properties: {@code skillsync.bench.skills} (N, the Skills waiting
 * when the operator starts, default 100), {@code skillsync.bench.latency-ms} (how long the fake Skills API takes to
 * answer each call, default 50), {@code skillsync.bench.concurrency} (the operator's
 * {@code skillsync.api.max-concurrent-requests}, default 8), {@code skillsync.bench.unrelated} (ConfigMaps and as many
 * Secrets in the cluster that no Skill uses, default 0), {@code skillsync.bench.steady-seconds} (the steady-state
 * window, default 20), {@code skillsync.bench.timeout-seconds} (the most any one wait may take, default 300),
 * {@code skillsync.bench.storm} (429 or 503: add a storm phase, every Skills API call answered with that status and
 * {@code retry-after: 5} for {@code skillsync.bench.storm-seconds}, default 20; no storm unless set),
 * {@code skillsync.bench.profile} (a file to write a flight recording of the operator to; none unless set), and
 * {@code skillsync.bench.cluster} ({@code embedded}, the CRUD mock in the benchmark's JVM, by default; or {@code real},
 * a kube-apiserver with etcd built by {@code .ci/build-kube-apiserver} and {@code .ci/build-etcd}).
 *
 * @param stormStatus the status of the storm phase's answers; empty for no storm phase
 * @param profile where the operator writes a flight recording (JFR) of the run; empty for none
 * @param cluster the embedded CRUD mock or a real API server
 */
record BenchSettings(
        int skills,
        Duration latency,
        int concurrency,
        int unrelated,
        Duration steadyWindow,
        Duration timeout,
        OptionalInt stormStatus,
        Duration stormLength,
        Optional<Path> profile,
        BenchCluster.Kind cluster) {

    static final Duration STORM_RETRY_AFTER = Duration.ofSeconds(5);

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                whole("skillsync.bench.skills", 100, 1),
                Duration.ofMillis(whole("skillsync.bench.latency-ms", 50, 0)),
                whole("skillsync.bench.concurrency", 8, 1),
                whole("skillsync.bench.unrelated", 0, 0),
                Duration.ofSeconds(whole("skillsync.bench.steady-seconds", 20, 1)),
                Duration.ofSeconds(whole("skillsync.bench.timeout-seconds", 300, 1)),
                stormStatusProperty(),
                Duration.ofSeconds(whole("skillsync.bench.storm-seconds", 20, 1)),
                Optional.ofNullable(System.getProperty("skillsync.bench.profile"))
                        .filter(value -> !value.isBlank())
                        .map(Path::of),
                clusterProperty());
    }

    /** The content changes of the burst phase: a tenth of N, at least one. */
    int burst() {
        return Math.max(1, skills / 10);
    }

    /**
     * The Skills of the warm first sync: a quarter of N, at least one. Enough that one garbage collection or a
     * stray compilation does not move the CPU per Skill.
     */
    int warmSkills() {
        return Math.max(1, skills / 4);
    }

    private static BenchCluster.Kind clusterProperty() {
        String value = System.getProperty("skillsync.bench.cluster", "embedded").trim();
        return switch (value) {
            case "embedded" -> BenchCluster.Kind.EMBEDDED;
            case "real" -> BenchCluster.Kind.REAL;
            default ->
                throw new IllegalArgumentException(
                        "-Dskillsync.bench.cluster must be embedded or real, got '" + value + "'");
        };
    }

    private static OptionalInt stormStatusProperty() {
        String value = System.getProperty("skillsync.bench.storm");
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        return switch (value.trim()) {
            case "429" -> OptionalInt.of(429);
            case "503" -> OptionalInt.of(503);
            default ->
                throw new IllegalArgumentException("-Dskillsync.bench.storm must be 429 or 503, got '" + value + "'");
        };
    }

    private static int whole(String property, int defaultValue, int least) {
        String value = System.getProperty(property);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below, which says what to write instead.
        }
        throw new IllegalArgumentException(
                "-D" + property + " must be a whole number of at least " + least + ", got '" + value + "'");
    }
}
