package dev.skillsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU time a JVM's JIT compiler threads have used, from Linux's per-thread accounting in
 * {@code /proc/<pid>/task/<tid>/stat}: the part of the operator's CPU that is the JVM compiling, not the operator
 * working, which shrinks as the JVM warms up. The JVM ends idle compiler threads and starts new ones, and an ended
 * thread's time leaves the process's listing, so each thread's time is sampled while it lives and kept.
 */
final class JitCpu implements AutoCloseable {

    /** Linux accounts thread CPU time in clock ticks of USER_HZ, which is 100 on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(200);

    private final Path tasks;
    private final Map<String, Long> ticksByThread = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jit-cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private JitCpu(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    /** Samples the process's compiler threads from now until closed. */
    static JitCpu watch(long pid) {
        JitCpu jit = new JitCpu(pid);
        jit.sample();
        jit.sampler.scheduleWithFixedDelay(
                jit::sample, SAMPLE_INTERVAL.toMillis(), SAMPLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return jit;
    }

    /** All the compiling the process has done so far; zero where there is no {@code /proc} (not Linux). */
    synchronized Duration total() {
        sample();
        long ticks = ticksByThread.values().stream().mapToLong(Long::longValue).sum();
        return Duration.ofNanos(ticks * NANOS_PER_TICK);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private synchronized void sample() {
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> compilerTicks(thread.resolve("stat"))
                    .ifPresent(ticks -> ticksByThread.merge(thread.getFileName().toString(), ticks, Math::max)));
        } catch (IOException e) {
            // The process has ended: what was sampled stays.
        }
    }

    private static OptionalLong compilerTicks(Path stat) {
        try {
            return compilerTicks(Files.readString(stat));
        } catch (IOException e) {
            return OptionalLong.empty(); // The thread ended between the listing and the read.
        }
    }

    /**
     * The user and system ticks of one thread's stat line when it is a compiler thread ({@code C1 CompilerThre} or
     * {@code C2 CompilerThre}, the name cut to 15 characters), else empty. The name sits in parentheses and may hold
     * spaces; utime and stime are the 14th and 15th fields.
     */
    static OptionalLong compilerTicks(String statLine) {
        int open = statLine.indexOf('(');
        int close = statLine.lastIndexOf(')');
        if (open < 0 || close < open || !statLine.substring(open + 1, close).matches("C[12] CompilerThre.*")) {
            return OptionalLong.empty();
        }
        String[] fields = statLine.substring(close + 2).split(" ");
        return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }
}
