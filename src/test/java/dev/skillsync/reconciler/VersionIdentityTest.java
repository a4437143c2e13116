package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.resource.SkillVersionStatus;
import dev.skillsync.skillsapi.BetaDialect;
import dev.skillsync.skillsapi.GaDialect;
import dev.skillsync.skillsapi.RemoteVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionIdentityTest {

    private static final String EPOCH = "1764583200000001";
    /** The instant EPOCH stands for, as the API writes created_at. */
    private static final String CREATED = "2025-12-01T10:00:00.000001Z";

    @Test
    void betaVersionsMapToGaIdsByCreationTimeKeepingOrderAndHashes() {
        List<SkillVersionStatus> recorded = List.of(
                new SkillVersionStatus(EPOCH, "sha256:new", CREATED),
                new SkillVersionStatus("1764583100000000", "sha256:old", null));
        List<RemoteVersion> ga = List.of(ga("skver_old", "2025-12-01T09:58:20Z"), ga("skver_new", CREATED));

        assertThat(VersionIdentity.remap(recorded, ga))
                .containsExactly(
                        new SkillVersionStatus("skver_new", "sha256:new", CREATED),
                        new SkillVersionStatus("skver_old", "sha256:old", "2025-12-01T09:58:20Z"));
    }

    @Test
    void gaIdsMapBackToBetaVersionsByTheirId() {
        List<SkillVersionStatus> recorded = List.of(new SkillVersionStatus("skver_new", "sha256:new", null));
        List<RemoteVersion> beta =
                List.of(new RemoteVersion("skver_new", "skill_01", EPOCH, "n", "d", "n", "2025-12-01T10:00:00Z"));

        assertThat(VersionIdentity.remap(recorded, beta))
                .containsExactly(new SkillVersionStatus(EPOCH, "sha256:new", "2025-12-01T10:00:00Z"));
    }

    @Test
    void recordedVersionsNoLongerOnTheServerAreLeftOut() {
        List<SkillVersionStatus> recorded = List.of(new SkillVersionStatus(EPOCH, "sha256:gone", CREATED));

        assertThat(VersionIdentity.remap(recorded, List.of(ga("skver_other", "2026-01-01T00:00:00Z"))))
                .isEmpty();
    }

    @Test
    void aRemapIsNeededOnlyWhenARecordedVersionHasAnotherDialectsForm() {
        List<SkillVersionStatus> beta = List.of(new SkillVersionStatus(EPOCH, "sha256:x", CREATED));
        List<SkillVersionStatus> ga = List.of(new SkillVersionStatus("skver_new", "sha256:x", CREATED));

        assertThat(VersionIdentity.needsRemap(beta, new GaDialect()::isVersionIdentifier))
                .isTrue();
        assertThat(VersionIdentity.needsRemap(ga, new GaDialect()::isVersionIdentifier))
                .isFalse();
        assertThat(VersionIdentity.needsRemap(ga, new BetaDialect()::isVersionIdentifier))
                .isTrue();
        assertThat(VersionIdentity.needsRemap(beta, new BetaDialect()::isVersionIdentifier))
                .isFalse();
        assertThat(VersionIdentity.needsRemap(List.of(), new GaDialect()::isVersionIdentifier))
                .isFalse();
    }

    private static RemoteVersion ga(String id, String createdAt) {
        return new RemoteVersion(id, "skill_01", id, "n", "d", null, createdAt);
    }
}
