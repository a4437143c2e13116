package dev.skillsync.bench;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures issue 11 asks for, each beside its bound and the ratio of the two (under 1 meets a bound that is a
 * most): time to Ready, Skills API calls per change, latency of a burst, Kubernetes writes, CPU and memory.
 */
final class FigureTable {

    static final Path CHART_VALUES = Path.of("helm", "skillsync-operator", "values.yaml");
    /** What crash safety needs of a first sync: the finalizer, the pending-create record, the skill-id annotation and
     * the final status. */
    static final int FIRST_SYNC_WRITES = 4;
    /** Of a content change: the pending-upload record (which shows Reconciling=True) and the final status. */
    static final int CHANGE_WRITES = 2;

    static final Duration BURST_P95 = Duration.ofMillis(1500);
    static final Duration CPU_PER_FIRST_SYNC = Duration.ofMillis(5);

    private static final String ROW = "%-66s %10s %10s %6s%n";

    private final List<String[]> rows = new ArrayList<>();

    private FigureTable() {}

    /**
     * @param backlog the sync of the N Skills waiting at the start, timed from the launch
     * @param warm the first sync of more Skills once the JVM is warm
     * @param burst the content changes of a tenth of the Skills
     */
    static String render(
            BenchSettings settings,
            Duration operatorStart,
            PhaseResult backlog,
            PhaseResult warm,
            PhaseResult burst,
            List<Duration> burstLatencies,
            PhaseResult steady,
            long peakRssBytes) {
        FigureTable table = new FigureTable();
        int n = settings.skills();
        double apiBound = n * seconds(settings.latency()) / settings.concurrency() + seconds(operatorStart);
        table.most("all " + n + " Skills Ready from launch, s", seconds(backlog.elapsed()), 1.5 * apiBound);
        table.info("  of which operator start (readiness 200), s", seconds(operatorStart));
        table.most("Skills API calls per content change", burst.apiCallsPerSkill(), 1);
        table.most("  of which reads", burst.apiReadsPerSkill(), 0);
        table.info(
                "burst of " + burst.skillsSynced() + " changes: new version in status p50, s",
                seconds(BenchPhases.percentile(burstLatencies, 50)));
        table.most(
                "burst of " + burst.skillsSynced() + " changes: new version in status p95, s",
                seconds(BenchPhases.percentile(burstLatencies, 95)),
                seconds(BURST_P95));
        table.most("Kubernetes writes per Skill, first sync", warm.skillWritesPerSkill(), FIRST_SYNC_WRITES);
        table.most("Kubernetes writes per content change", burst.skillWritesPerSkill(), CHANGE_WRITES);
        table.info("reconciles per Skill, first sync", warm.reconcilesPerSkill());
        table.info("reconciles per content change", burst.reconcilesPerSkill());
        table.most(
                "operator CPU per Skill, first sync (warm JVM), ms",
                millis(warm.cpuPerSkill()),
                millis(CPU_PER_FIRST_SYNC));
        table.info("  of which JIT compiling, ms", millis(warm.jitCpuPerSkill()));
        table.info("operator CPU per Skill, backlog sync (cold JVM), ms", millis(backlog.cpuPerSkill()));
        table.info("operator CPU per content change, ms", millis(burst.cpuPerSkill()));
        table.most(
                "Skills API calls in " + steady.elapsed().toSeconds() + " s of steady state",
                steady.apiReads() + steady.apiWrites(),
                0);
        Optional<Long> request = chartMemoryRequest();
        String rss = "peak RSS, MiB (" + settings.unrelated() + " unrelated ConfigMaps and Secrets)";
        if (request.isPresent()) {
            table.most(rss + " vs chart request", peakRssBytes / 1048576.0, request.get() / 1048576.0);
        } else {
            table.info(rss, peakRssBytes / 1048576.0);
        }
        return table.toString(settings);
    }

    /** The chart's memory request, in bytes; empty when the chart cannot be read from here. */
    static Optional<Long> chartMemoryRequest() {
        try (InputStream values = Files.newInputStream(CHART_VALUES)) {
            Map<?, ?> root = Serialization.unmarshal(values, Map.class);
            Object memory = ((Map<?, ?>) ((Map<?, ?>) root.get("resources")).get("requests")).get("memory");
            return Optional.of(
                    Quantity.getAmountInBytes(new Quantity(memory.toString())).longValueExact());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void most(String figure, double measured, double bound) {
        String ratio = bound > 0 ? format(measured / bound) : measured == 0 ? "ok" : "over";
        rows.add(new String[] {figure, format(measured), "<= " + format(bound), ratio});
    }

    private void info(String figure, double measured) {
        rows.add(new String[] {figure, format(measured), "-", "-"});
    }

    private String toString(BenchSettings settings) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "N=%d Skills, Skills API latency %d ms,"
                        + " max-concurrent-requests %d, %d unrelated ConfigMaps and %d Secrets%n",
                settings.skills(),
                settings.latency().toMillis(),
                settings.concurrency(),
                settings.unrelated(),
                settings.unrelated()));
        out.append(String.format(Locale.ROOT, ROW, "FIGURE", "MEASURED", "BOUND", "RATIO"));
        rows.forEach(row -> out.append(String.format(Locale.ROOT, ROW, (Object[]) row)));
        return out.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
