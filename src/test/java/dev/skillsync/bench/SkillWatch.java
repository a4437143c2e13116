package dev.skillsync.bench;

import dev.skillsync.resource.Skill;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Skills of one namespace as a watch on the API server reports them: the latest state of each by name, and how
 * many times they were written after their creation (every write, status or metadata, is one MODIFIED event).
 */
final class SkillWatch implements AutoCloseable {

    private final Map<String, Skill> skills = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final Map<String, Long> versionSeenAt = new ConcurrentHashMap<>();
    private volatile WatcherException failure;
    private final Watch watch;

    SkillWatch(KubernetesClient client, String namespace) {
        this.watch = client.resources(Skill.class).inNamespace(namespace).watch(new Recorder());
    }

    /** Events the watch has delivered so far: what changes when the Skills it reports may have changed. */
    long events() {
        return events.get();
    }

    /** Writes to the Skills since the watch began, not counting their creation. */
    long writes() {
        return writes.get();
    }

    long count(Predicate<Skill> condition) {
        return skills.values().stream().filter(condition).count();
    }

    /** Each Skill's {@code status.latestVersion} by name; Skills without one are left out. */
    Map<String, String> latestVersions() {
        return skills.values().stream()
                .filter(s -> s.getStatus() != null && s.getStatus().getLatestVersion() != null)
                .collect(Collectors.toMap(
                        s -> s.getMetadata().getName(), s -> s.getStatus().getLatestVersion()));
    }

    /** When ({@link System#nanoTime()}) the watch saw the Skill's current {@code status.latestVersion} first. */
    long latestVersionSeenAt(String name) {
        return versionSeenAt.getOrDefault(name, Long.MAX_VALUE);
    }

    private static String latestVersion(Skill skill) {
        return skill.getStatus() == null ? null : skill.getStatus().getLatestVersion();
    }

    /** @throws BenchmarkFailure when the watch has broken, so that this view no longer follows the API server */
    void ensureOpen() {
        WatcherException cause = failure;
        if (cause != null) {
            throw new BenchmarkFailure("the watch on Skills closed: " + cause.getMessage());
        }
    }

    @Override
    public void close() {
        watch.close();
    }

    private final class Recorder implements Watcher<Skill> {

        @Override
        public void eventReceived(Action action, Skill skill) {
            String name = skill.getMetadata().getName();
            switch (action) {
                case ADDED -> skills.put(name, skill);
                case MODIFIED -> {
                    Skill before = skills.put(name, skill);
                    writes.incrementAndGet();
                    if (before == null || !Objects.equals(latestVersion(before), latestVersion(skill))) {
                        versionSeenAt.put(name, System.nanoTime());
                    }
                }
                case DELETED -> skills.remove(name);
                default -> {
                    // BOOKMARK and ERROR carry no Skill state.
                }
            }
            events.incrementAndGet();
        }

        @Override
        public void onClose(WatcherException cause) {
            failure = cause;
        }
    }
}
