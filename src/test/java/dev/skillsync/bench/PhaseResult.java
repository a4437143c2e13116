package dev.skillsync.bench;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * What one phase measured: how long it took, Skills API calls (GET are reads, POST and DELETE writes), writes to
 * Skills in the Kubernetes API, the operator's CPU time during it, and the operator's memory when it ended.
 *
 * @param skillsSynced Skills the phase brought to the awaited state; 0 when it syncs nothing (then no rate)
 * @param reconciles the operator's reconciles of Skills during the phase
 * @param jitCpu the part of {@code cpu} the operator's JIT compiler threads used
 * @param harnessCpu the benchmark's own CPU time: the embedded Kubernetes API, the fake Skills API and the watch,
 *     which share the machine's cores with the operator
 */
record PhaseResult(
        String name,
        Duration elapsed,
        int skillsSynced,
        long apiReads,
        long apiWrites,
        long skillWrites,
        long reconciles,
        Duration cpu,
        Duration jitCpu,
        Duration harnessCpu,
        MemorySample memory) {

    /** Skills API calls per Skill the phase synced. */
    double apiCallsPerSkill() {
        return (apiReads + apiWrites) / (double) Math.max(1, skillsSynced);
    }

    double apiReadsPerSkill() {
        return apiReads / (double) Math.max(1, skillsSynced);
    }

    double skillWritesPerSkill() {
        return skillWrites / (double) Math.max(1, skillsSynced);
    }

    double reconcilesPerSkill() {
        return reconciles / (double) Math.max(1, skillsSynced);
    }

    Duration cpuPerSkill() {
        return cpu.dividedBy(Math.max(1, skillsSynced));
    }

    /** The part of {@link #cpuPerSkill()} that was the JVM compiling, which shrinks as it warms up. */
    Duration jitCpuPerSkill() {
        return jitCpu.dividedBy(Math.max(1, skillsSynced));
    }

    OptionalDouble skillsPerSecond() {
        if (skillsSynced == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(skillsSynced / (elapsed.toNanos() / 1e9));
    }
}
