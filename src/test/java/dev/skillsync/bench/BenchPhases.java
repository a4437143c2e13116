package dev.skillsync.bench;

import static org.awaitility.Awaitility.await;

import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.fake.Fault;
import dev.skillsync.fake.RecordedCall;
import dev.skillsync.local.OperatorProcess;
import dev.skillsync.local.ReadyCondition;
import dev.skillsync.resource.Skill;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The benchmark's phases, run in this order against one operator: the sync of the backlog of N Skills that waited for
 * the operator's start, the first sync of a quarter of N more Skills once the JVM is warm, a burst of content changes
 * of a tenth of the Skills, steady state, and a storm when asked for. Each measures its time, the Skills API calls the
 * fake answered, the writes to Skills the watch saw, the operator's CPU time, and its memory at its end.
 */
final class BenchPhases {

    /** Waits for Skills poll the watch's view in memory, not the API server: cheap, and this exact. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final String NO_NOTE = "";

    private final BenchSettings settings;
    private final BenchSkills skills;
    private final KubernetesClient kubernetes;
    private final BenchCluster cluster;
    private final FakeSkillsApi api;
    private final SkillWatch watch;
    private final OperatorProcess operator;
    private final JitCpu jit;
    private final OperatorEndpoints endpoints;
    private Duration operatorStart;
    private List<Duration> burstLatencies = List.of();

    BenchPhases(
            BenchSettings settings,
            BenchCluster cluster,
            FakeSkillsApi api,
            SkillWatch watch,
            OperatorProcess operator,
            JitCpu jit,
            OperatorEndpoints endpoints) {
        this.settings = settings;
        this.skills = new BenchSkills(settings.skills() + settings.warmSkills());
        this.kubernetes = cluster.client();
        this.cluster = cluster;
        this.api = api;
        this.watch = watch;
        this.operator = operator;
        this.jit = jit;
        this.endpoints = endpoints;
    }

    /** The N Skills with their ConfigMaps, and the unrelated ConfigMaps and Secrets: made before the operator starts. */
    static void createBacklog(BenchSettings settings, KubernetesClient kubernetes) {
        BenchSkills skills = new BenchSkills(settings.skills() + settings.warmSkills());
        IntStream.rangeClosed(1, settings.skills()).forEach(i -> {
            kubernetes.resource(skills.configMap(i, 1)).create();
            kubernetes.resource(skills.skill(i)).create();
        });
        IntStream.rangeClosed(1, settings.unrelated()).forEach(i -> {
            kubernetes.resource(BenchSkills.unrelatedConfigMap(i)).create();
            kubernetes.resource(BenchSkills.unrelatedSecret(i)).create();
        });
    }

    /** From launching the JVM until every Skill of the backlog is Ready=True; notes when the readiness probe said 200. */
    PhaseResult backlogSync(long launchedAt) throws InterruptedException {
        int count = settings.skills();
        return measure("backlog sync, " + count + " Skills", count, OptionalLong.of(launchedAt), () -> {
            awaitUntil(
                    endpoints::isReady,
                    PROBE_INTERVAL,
                    () -> "the operator's readiness probe did not answer 200 within " + timeout());
            operatorStart = Duration.ofNanos(System.nanoTime() - launchedAt);
            awaitSkills(ReadyCondition::isTrue, "Ready", count);
            return String.format(
                    Locale.ROOT, "from launch: readiness probe 200 after %.2f s", operatorStart.toNanos() / 1e9);
        });
    }

    /** The operator's start: from launching the JVM until its readiness probe answered 200. */
    Duration operatorStart() {
        return operatorStart;
    }

    /** From creating a quarter of N more Skills (and their ConfigMaps), the JVM warm, until they are Ready=True. */
    PhaseResult warmFirstSync() throws InterruptedException {
        int count = settings.warmSkills();
        return measure("first sync (warm), " + count + " Skills", count, OptionalLong.empty(), () -> {
            long start = System.nanoTime();
            IntStream.rangeClosed(settings.skills() + 1, settings.skills() + count)
                    .forEach(i -> {
                        kubernetes.resource(skills.configMap(i, 1)).create();
                        kubernetes.resource(skills.skill(i)).create();
                    });
            long applied = System.nanoTime();
            awaitSkills(ReadyCondition::isTrue, "Ready", skills.count());
            return applyShare(count + " ConfigMaps and " + count + " Skills created", start, applied);
        });
    }

    /**
     * A content change of every tenth Skill of the backlog: from replacing its ConfigMap until the watch sees its new
     * {@code status.latestVersion}, Skill by Skill.
     */
    PhaseResult burst() throws InterruptedException {
        int count = settings.burst();
        int step = Math.max(1, settings.skills() / count);
        List<Integer> changed =
                IntStream.range(0, count).map(k -> 1 + k * step).boxed().toList();
        Map<String, String> before = watch.latestVersions();
        return measure("burst, " + count + " content changes", count, OptionalLong.empty(), () -> {
            Map<String, Long> appliedAt = new HashMap<>();
            for (int i : changed) {
                appliedAt.put(skills.name(i), System.nanoTime());
                kubernetes.resource(skills.configMap(i, 2)).update();
            }
            awaitUntil(
                    onWatchEvents(() -> changed.stream()
                            .map(skills::name)
                            .allMatch(name -> watch.latestVersionSeenAt(name) != Long.MAX_VALUE
                                    && !Objects.equals(watch.latestVersions().get(name), before.get(name)))),
                    POLL_INTERVAL,
                    () -> "not every changed Skill showed a new version after " + timeout());
            List<Duration> latencies = new ArrayList<>();
            appliedAt.forEach((name, at) -> latencies.add(Duration.ofNanos(watch.latestVersionSeenAt(name) - at)));
            latencies.sort(null);
            burstLatencies = List.copyOf(latencies);
            return String.format(
                    Locale.ROOT,
                    "new version in status after the change: p50 %.2f s, p95 %.2f s," + " max %.2f s",
                    seconds(percentile(latencies, 50)),
                    seconds(percentile(latencies, 95)),
                    seconds(latencies.get(latencies.size() - 1)));
        });
    }

    /** Each changed Skill's time from its change until its new version showed in status, shortest first. */
    List<Duration> burstLatencies() {
        return burstLatencies;
    }

    static Duration percentile(List<Duration> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /**
     * Every Skills API call answered with the storm's status and {@code retry-after: 5} for the storm's length, while
     * every ConfigMap is replaced; ends when every Skill is Ready=True with a new latestVersion. Reports the calls
     * that arrived during the storm and the most within any one retry-after wait, which the operator keeps to its
     * max-concurrent-requests.
     */
    PhaseResult storm(int status) throws InterruptedException {
        int count = skills.count();
        Duration length = settings.stormLength();
        Duration retryAfter = BenchSettings.STORM_RETRY_AFTER;
        Map<String, String> before = watch.latestVersions();
        return measure(status + " storm, " + length.toSeconds() + " s", count, OptionalLong.empty(), () -> {
            long start = System.nanoTime();
            api.injectFault(Fault.onEveryRequest()
                    .status(status)
                    .header("retry-after", Long.toString(retryAfter.toSeconds()))
                    .lasting(length)
                    .build());
            skills.indexes()
                    .forEach(i -> kubernetes.resource(skills.configMap(i, 3)).update());
            awaitSkills(
                    skill -> ReadyCondition.isTrue(skill)
                            && !Objects.equals(
                                    skill.getStatus().getLatestVersion(),
                                    before.get(skill.getMetadata().getName())),
                    "Ready with a new version",
                    skills.count());
            long end = start + length.toNanos();
            List<Long> inStorm = api.calls().stream()
                    .map(RecordedCall::receivedNanos)
                    .filter(at -> at - start >= 0 && at - end < 0)
                    .toList();
            return String.format(
                    Locale.ROOT,
                    "during the storm: %d calls, at most %d within one %d s retry-after;"
                            + " the last Skill Ready %.2f s after the storm ended",
                    inStorm.size(),
                    StormWindow.busiest(inStorm, retryAfter),
                    retryAfter.toSeconds(),
                    (System.nanoTime() - end) / 1e9);
        });
    }

    /** A fixed window with nothing changing: every Skills API call or Skill write in it is overhead. */
    PhaseResult steadyState() throws InterruptedException {
        Duration window = settings.steadyWindow();
        return measure("steady state, " + window.toSeconds() + " s", 0, OptionalLong.empty(), () -> {
            try {
                // The window is the measurement; the condition only stops it early when the operator or watch fails.
                await().during(window)
                        .atMost(window.plus(settings.timeout()))
                        .pollInterval(PROBE_INTERVAL)
                        .until(() -> {
                            ensureRunning();
                            return true;
                        });
            } catch (ConditionTimeoutException e) {
                throw new BenchmarkFailure("the steady-state window did not complete: " + e.getMessage());
            }
            return NO_NOTE;
        });
    }

    /** Applying is sequential, as kubectl does it; how much of a phase it took tells what the operator's share was. */
    private static String applyShare(String applied, long start, long appliedAt) {
        return String.format(
                Locale.ROOT,
                "%s in %.2f s; the last Skill done %.2f s after that",
                applied,
                (appliedAt - start) / 1e9,
                (System.nanoTime() - appliedAt) / 1e9);
    }

    /**
     * Runs a phase, which returns a line to print under its figures (or {@link #NO_NOTE}), and measures it.
     *
     * @param launchedAt the operator's launch ({@link System#nanoTime()}) when the phase began with it: then its
     *     time and CPU count from the launch; empty for a phase that begins now
     */
    private PhaseResult measure(String name, int skillsSynced, OptionalLong launchedAt, Supplier<String> phase)
            throws InterruptedException {
        api.clearCalls();
        long writesBefore = watch.writes();
        long start = launchedAt.orElse(System.nanoTime());
        Duration cpuBefore = launchedAt.isPresent()
                ? Duration.ZERO
                : OperatorCpu.of(operator.pid()).orElse(Duration.ZERO);
        Duration harnessCpuBefore = harnessCpu();
        Map<Long, Long> harnessThreadsBefore = BusiestThread.snapshot();
        long reconcilesBefore = launchedAt.isPresent()
                ? 0
                : endpoints.metrics().map(OperatorEndpoints::reconciles).orElse(0L);
        Duration jitBefore = launchedAt.isPresent() ? Duration.ZERO : jit.total();
        String note = phase.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = OperatorCpu.of(operator.pid()).orElse(Duration.ZERO).minus(cpuBefore);
        Duration harnessCpu = harnessCpu().minus(harnessCpuBefore);
        BusiestThread busiest = BusiestThread.since(harnessThreadsBefore);
        Duration jitCpu = jit.total().minus(jitBefore);
        Optional<String> metrics = endpoints.metrics();
        long reconciles = metrics.map(OperatorEndpoints::reconciles).orElse(0L) - reconcilesBefore;
        long skillWrites = watch.writes() - writesBefore;
        List<RecordedCall> calls = api.calls();
        var result = new PhaseResult(
                name,
                elapsed,
                skillsSynced,
                calls.stream().filter(RecordedCall::isRead).count(),
                calls.stream().filter(RecordedCall::isWrite).count(),
                skillWrites,
                reconciles,
                cpu,
                jitCpu,
                harnessCpu,
                new MemorySample(
                        ProcessMemory.of(operator.pid()),
                        metrics.map(OperatorEndpoints::heapUsedBytes).orElse(OptionalLong.empty())));
        System.out.printf(
                Locale.ROOT,
                "%s: %.2f s, %d writes to Skills, %d reconciles, operator CPU %.2f s (JIT compiling %.2f s; harness %.2f s);"
                        + " Skills API calls: %s%n",
                name,
                elapsed.toNanos() / 1e9,
                skillWrites,
                reconciles,
                cpu.toNanos() / 1e9,
                jitCpu.toNanos() / 1e9,
                harnessCpu.toNanos() / 1e9,
                ApiCallBreakdown.describe(calls));
        if (!note.isEmpty()) {
            System.out.println("  " + note);
        }
        System.out.printf(
                Locale.ROOT,
                "  busiest harness thread: %s, %.2f s of CPU in the phase's %.2f s%n",
                busiest.name(),
                busiest.cpu().toNanos() / 1e9,
                elapsed.toNanos() / 1e9);
        return result;
    }

    private void awaitSkills(Predicate<Skill> condition, String state, int expected) {
        awaitUntil(
                onWatchEvents(() -> watch.count(condition) >= expected),
                POLL_INTERVAL,
                () -> watch.count(condition) + " of " + expected + " Skills " + state + " after " + timeout());
    }

    /** The benchmark's own CPU and the cluster's outside this JVM: what shares the machine with the operator. */
    private Duration harnessCpu() {
        return OperatorCpu.ofThisProcess().plus(cluster.outsideCpu());
    }

    /**
     * The condition, looked at again only when the watch has delivered an event since it was last false: a look goes
     * over every Skill, and the benchmark's own CPU shares the cores with the operator it measures.
     */
    private Callable<Boolean> onWatchEvents(Callable<Boolean> condition) {
        AtomicLong lookedAt = new AtomicLong(-1);
        return () -> {
            long events = watch.events();
            if (events == lookedAt.get()) {
                return false;
            }
            lookedAt.set(events);
            return condition.call();
        };
    }

    private void awaitUntil(Callable<Boolean> condition, Duration pollInterval, Supplier<String> timeoutMessage) {
        ConditionFactory wait =
                await().atMost(settings.timeout()).pollDelay(Duration.ZERO).pollInterval(pollInterval);
        try {
            wait.until(() -> {
                ensureRunning();
                return condition.call();
            });
        } catch (ConditionTimeoutException e) {
            throw new BenchmarkFailure(timeoutMessage.get());
        }
    }

    private String timeout() {
        return settings.timeout().toSeconds() + " s";
    }

    /** Waiting on makes no sense once the operator has exited or the watch no longer follows the API server. */
    private void ensureRunning() {
        if (!operator.isAlive()) {
            throw new BenchmarkFailure("the operator exited with code " + operator.exitValue());
        }
        watch.ensureOpen();
    }
}
