package dev.skillsync.reconciler;

import dev.skillsync.skillsapi.RemoteVersion;
import java.util.List;

/** Which remote versions a retention of N keeps: the newest N, and always the latest. */
public final class RetentionPlan {

    private RetentionPlan() {}

    /**
     * @param newestFirst the skill's versions, newest first
     * @return the versions to delete, oldest last as listed
     */
    public static List<RemoteVersion> versionsToPrune(List<RemoteVersion> newestFirst, int maxVersions, String latest) {
        int keep = Math.max(1, maxVersions);
        if (newestFirst.size() <= keep) {
            return List.of();
        }
        return newestFirst.subList(keep, newestFirst.size()).stream()
                .filter(version -> !version.version().equals(latest))
                .toList();
    }

    /** What {@link #versionsKept} leaves out: the versions beyond the newest N, oldest last. */
    public static <T> List<T> versionsBeyond(List<T> newestFirst, int maxVersions) {
        return newestFirst.subList(versionsKept(newestFirst, maxVersions).size(), newestFirst.size());
    }

    /** The newest N, at least one: remote versions, or the versions a status records. */
    public static <T> List<T> versionsKept(List<T> newestFirst, int maxVersions) {
        return newestFirst.subList(0, Math.min(newestFirst.size(), Math.max(1, maxVersions)));
    }
}
