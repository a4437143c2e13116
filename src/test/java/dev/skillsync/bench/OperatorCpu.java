package dev.skillsync.bench;

import java.time.Duration;
import java.util.Optional;

/** The CPU time (user and system) a process has used so far, as the OS accounts it. */
final class OperatorCpu {

    private OperatorCpu() {}

    /** Empty where the OS does not tell, or the process has ended. */
    static Optional<Duration> of(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration());
    }

    /** The benchmark's own process; zero where the OS does not tell. */
    static Duration ofThisProcess() {
        return of(ProcessHandle.current().pid()).orElse(Duration.ZERO);
    }
}
