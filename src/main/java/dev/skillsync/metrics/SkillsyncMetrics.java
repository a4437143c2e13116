package dev.skillsync.metrics;

import dev.skillsync.resource.SkillConditions;
import dev.skillsync.skillsapi.ApiCallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's own Prometheus metrics (java-operator-sdk adds its generic ones): reconciles by result, Skills API
 * calls by operation and status with latency, versions created and pruned, and Skills by Ready reason.
 */
@ApplicationScoped
public class SkillsyncMetrics implements ApiCallObserver {

    static final List<String> READY_REASONS = List.of(
            SkillConditions.SYNCED,
            SkillConditions.PROGRESSING,
            SkillConditions.SOURCE_NOT_FOUND,
            SkillConditions.INVALID_CONTENT,
            SkillConditions.AUTHENTICATION_FAILED,
            SkillConditions.RATE_LIMITED,
            SkillConditions.API_ERROR,
            SkillConditions.SKILL_NOT_FOUND,
            SkillConditions.SUSPENDED,
            SkillConditions.DELETING,
            SkillConditions.DELETION_BLOCKED,
            SkillConditions.AMBIGUOUS_CREATE);

    private final MeterRegistry registry;
    private final Counter versionsCreated;
    private final Counter versionsPruned;
    /** The Ready reason of every Skill this operator reconciles, keyed by namespace/name. */
    private final Map<String, String> readyReasons = new ConcurrentHashMap<>();

    public SkillsyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.versionsCreated = Counter.builder("skillsync.versions.created")
                .description("Remote skill versions created")
                .register(registry);
        this.versionsPruned = Counter.builder("skillsync.versions.pruned")
                .description("Remote skill versions deleted by retention")
                .register(registry);
        for (String reason : READY_REASONS) {
            Gauge.builder("skillsync.skills", readyReasons, reasons -> count(reasons, reason))
                    .description("Skills by the reason of their Ready condition")
                    .tag("ready_reason", reason)
                    .register(registry);
        }
    }

    public void reconciled(String skill, String readyReason) {
        readyReasons.put(skill, readyReason);
        Counter.builder("skillsync.reconciles")
                .description("Reconciles by the Ready reason they ended with")
                .tag("result", readyReason)
                .register(registry)
                .increment();
    }

    public void forget(String skill) {
        readyReasons.remove(skill);
    }

    public void versionCreated() {
        versionsCreated.increment();
    }

    public void versionsPruned(int count) {
        versionsPruned.increment(count);
    }

    @Override
    public void attempted(String operation, int status, Duration duration) {
        String statusTag = status == 0 ? "none" : Integer.toString(status);
        Counter.builder("skillsync.api.calls")
                .description("Skills API calls (each HTTP attempt)")
                .tag("operation", operation)
                .tag("status", statusTag)
                .register(registry)
                .increment();
        Timer.builder("skillsync.api.call.duration")
                .description("Skills API call latency")
                .tag("operation", operation)
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
    }

    private static double count(Map<String, String> reasons, String reason) {
        return reasons.values().stream().filter(reason::equals).count();
    }
}
