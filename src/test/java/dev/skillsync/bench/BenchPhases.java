package dev.skillsync.bench;

import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.fake.Fault;
import dev.skillsync.fake.RecordedCall;
import dev.skillsync.local.OperatorProcess;
import dev.skillsync.local.ReadyCondition;
import dev.skillsync.resource.Skill;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * The benchmark's phases, run in this order against one operator: start, first sync, a content change of every
 * ConfigMap, steady state, and a storm when asked for. Each measures its time, the Skills API calls the fake answered, the writes to Skills the
 * watch saw, and the operator's memory at its end.
 */
final class BenchPhases {

    /** Waits for Skills poll the watch's view in memory, not the API server: cheap, and this exact. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final String NO_NOTE = "";

    private final BenchSettings settings;
    private final BenchSkills skills;
    private final KubernetesClient kubernetes;
    private final FakeSkillsApi api;
    private final SkillWatch watch;
    private final OperatorProcess operator;
    private final OperatorEndpoints endpoints;

    BenchPhases(BenchSettings settings, KubernetesClient kubernetes, FakeSkillsApi api, SkillWatch watch,
                OperatorProcess operator, OperatorEndpoints endpoints) {
        this.settings = settings;
        this.skills = new BenchSkills(settings.skills());
        this.kubernetes = kubernetes;
        this.api = api;
        this.watch = watch;
        this.operator = operator;
        this.endpoints = endpoints;
    }

    /** From starting the JVM until the readiness probe answers 200. */
    PhaseResult operatorStart() throws InterruptedException {
        return measure("operator start", 0, () -> {
            awaitUntil(endpoints::isReady, PROBE_INTERVAL,
                    () -> "the operator's readiness probe did not answer 200 within " + timeout());
            return NO_NOTE;
        });
    }

    /** From applying the first ConfigMap until every Skill is Ready=True. */
    PhaseResult firstSync() throws InterruptedException {
        int count = skills.count();
        return measure("first sync, " + count + " Skills", count, () -> {
            long start = System.nanoTime();
            skills.indexes().forEach(i -> {
                kubernetes.resource(skills.configMap(i, 1)).create();
                kubernetes.resource(skills.skill(i)).create();
            });
            long applied = System.nanoTime();
            awaitSkills(ReadyCondition::isTrue, "Ready");
            return applyShare(count + " ConfigMaps and " + count + " Skills created", start, applied);
        });
    }

    /** From replacing the first ConfigMap until every Skill is Ready=True with a latestVersion it did not have. */
    PhaseResult contentChange() throws InterruptedException {
        int count = skills.count();
        Map<String, String> before = watch.latestVersions();
        return measure("content change, " + count + " Skills", count, () -> {
            long start = System.nanoTime();
            skills.indexes().forEach(i -> kubernetes.resource(skills.configMap(i, 2)).update());
            long applied = System.nanoTime();
            awaitSkills(skill -> ReadyCondition.isTrue(skill) && !Objects.equals(
                    skill.getStatus().getLatestVersion(), before.get(skill.getMetadata().getName())),
                    "Ready with a new version");
            return applyShare(count + " ConfigMaps replaced", start, applied);
        });
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
        return measure(status + " storm, " + length.toSeconds() + " s", count, () -> {
            long start = System.nanoTime();
            api.injectFault(Fault.onEveryRequest().status(status)
                    .header("retry-after", Long.toString(retryAfter.toSeconds())).lasting(length).build());
            skills.indexes().forEach(i -> kubernetes.resource(skills.configMap(i, 3)).update());
            awaitSkills(skill -> ReadyCondition.isTrue(skill) && !Objects.equals(
                    skill.getStatus().getLatestVersion(), before.get(skill.getMetadata().getName())),
                    "Ready with a new version");
            long end = start + length.toNanos();
            List<Long> inStorm = api.calls().stream().map(RecordedCall::receivedNanos)
                    .filter(at -> at - start >= 0 && at - end < 0).toList();
            return String.format(Locale.ROOT, "during the storm: %d calls, at most %d within one %d s retry-after;"
                    + " the last Skill Ready %.2f s after the storm ended", inStorm.size(),
                    StormWindow.busiest(inStorm, retryAfter), retryAfter.toSeconds(),
                    (System.nanoTime() - end) / 1e9);
        });
    }

    /** A fixed window with nothing changing: every Skills API call or Skill write in it is overhead. */
    PhaseResult steadyState() throws InterruptedException {
        Duration window = settings.steadyWindow();
        return measure("steady state, " + window.toSeconds() + " s", 0, () -> {
            try {
                // The window is the measurement; the condition only stops it early when the operator or watch fails.
                await().during(window).atMost(window.plus(settings.timeout())).pollInterval(PROBE_INTERVAL)
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
        return String.format(Locale.ROOT, "%s in %.2f s; the last Skill done %.2f s after that", applied,
                (appliedAt - start) / 1e9, (System.nanoTime() - appliedAt) / 1e9);
    }

    /** Runs a phase, which returns a line to print under its figures (or {@link #NO_NOTE}), and measures it. */
    private PhaseResult measure(String name, int skillsSynced, Supplier<String> phase) throws InterruptedException {
        api.clearCalls();
        long writesBefore = watch.writes();
        long start = System.nanoTime();
        String note = phase.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long skillWrites = watch.writes() - writesBefore;
        List<RecordedCall> calls = api.calls();
        var result = new PhaseResult(name, elapsed, skillsSynced, calls.stream().filter(RecordedCall::isRead).count(),
                calls.stream().filter(RecordedCall::isWrite).count(), skillWrites,
                new MemorySample(ProcessMemory.of(operator.pid()), endpoints.heapUsedBytes()));
        System.out.printf(Locale.ROOT, "%s: %.2f s, %d writes to Skills; Skills API calls: %s%n", name,
                elapsed.toNanos() / 1e9, skillWrites, ApiCallBreakdown.describe(calls));
        if (!note.isEmpty()) {
            System.out.println("  " + note);
        }
        return result;
    }

    private void awaitSkills(Predicate<Skill> condition, String state) {
        int expected = skills.count();
        awaitUntil(() -> watch.count(condition) >= expected, POLL_INTERVAL,
                () -> watch.count(condition) + " of " + expected + " Skills " + state + " after " + timeout());
    }

    private void awaitUntil(Callable<Boolean> condition, Duration pollInterval, Supplier<String> timeoutMessage) {
        ConditionFactory wait = await().atMost(settings.timeout()).pollDelay(Duration.ZERO).pollInterval(pollInterval);
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
