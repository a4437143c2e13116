package dev.skillsync.config;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Leader election as {@code skillsync.leader-election.*} says; java-operator-sdk runs without it when this is null. */
public class LeaderElectionProducer {

    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection(SkillsyncConfig config) {
        SkillsyncConfig.LeaderElection settings = config.leaderElection();
        if (!settings.enabled()) {
            return null;
        }
        LeaderElectionConfigurationBuilder builder = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                        settings.leaseName())
                .withLeaseNamespace(settings.leaseNamespace().orElse(null));
        // java-operator-sdk allows staying alive after losing leadership for tests only, and says so by this name.
        return settings.exitOnStopLeading() ? builder.build() : builder.buildForTest(false);
    }
}
