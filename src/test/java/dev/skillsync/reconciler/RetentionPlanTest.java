package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.skillsapi.RemoteVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPlanTest {

    private static final List<RemoteVersion> NEWEST_FIRST =
            List.of(version("5"), version("4"), version("3"), version("2"), version("1"));

    @Test
    void keepsTheNewestAndPrunesTheRest() {
        assertThat(RetentionPlan.versionsToPrune(NEWEST_FIRST, 2, "5"))
                .extracting(RemoteVersion::version)
                .containsExactly("3", "2", "1");
        assertThat(RetentionPlan.versionsKept(NEWEST_FIRST, 2))
                .extracting(RemoteVersion::version)
                .containsExactly("5", "4");
    }

    @Test
    void prunesNothingWithinTheRetention() {
        assertThat(RetentionPlan.versionsToPrune(NEWEST_FIRST, 5, "5")).isEmpty();
        assertThat(RetentionPlan.versionsToPrune(NEWEST_FIRST, 10, "5")).isEmpty();
    }

    @Test
    void neverPrunesTheLatestEvenWhenItIsNotTheNewestListed() {
        assertThat(RetentionPlan.versionsToPrune(NEWEST_FIRST, 1, "3"))
                .extracting(RemoteVersion::version)
                .containsExactly("4", "2", "1");
    }

    @Test
    void aRetentionBelowOneKeepsOne() {
        assertThat(RetentionPlan.versionsKept(NEWEST_FIRST, 0)).hasSize(1);
    }

    private static RemoteVersion version(String version) {
        return new RemoteVersion("skillver_" + version, "skill_1", version, "n", "d", "n", "2026-11-22T10:00:00Z");
    }
}
