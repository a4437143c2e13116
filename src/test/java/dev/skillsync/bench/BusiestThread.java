package dev.skillsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark JVM's thread that used the most CPU between two snapshots. The embedded Kubernetes API serves every
 * request on one event-loop thread: when that thread is busy for nearly all of a phase, the harness, not the operator,
 * set the phase's pace.
 */
record BusiestThread(String name, Duration cpu) {

    /** The CPU time of each live thread of this JVM so far, by thread ID. */
    static Map<Long, Long> snapshot() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpuById = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu >= 0) {
                cpuById.put(id, cpu);
            }
        }
        return cpuById;
    }

    /** The thread with the most CPU since {@code before}; a thread born since counts from zero. */
    static BusiestThread since(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long busiestId = -1;
        long most = 0;
        for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
            long used = now.getValue() - before.getOrDefault(now.getKey(), 0L);
            if (used > most) {
                most = used;
                busiestId = now.getKey();
            }
        }
        ThreadInfo info = busiestId < 0 ? null : threads.getThreadInfo(busiestId);
        return new BusiestThread(info == null ? "none" : info.getThreadName(), Duration.ofNanos(most));
    }
}
