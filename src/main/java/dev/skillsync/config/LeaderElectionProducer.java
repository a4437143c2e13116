package dev.skillsync.config;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
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
        return new LeaderElectionConfiguration(settings.leaseName(), settings.leaseNamespace().orElse(null));
    }
}
