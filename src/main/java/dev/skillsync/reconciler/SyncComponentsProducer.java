package dev.skillsync.reconciler;

import dev.skillsync.config.SkillsyncConfig;
import dev.skillsync.content.SkillValidator;
import dev.skillsync.skillsapi.SkillsApiClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The parts of a sync, built from the settings once and injected, so each can be tested and replaced alone. */
public class SyncComponentsProducer {

    @Produces
    @Singleton
    SkillValidator validator(SkillsyncConfig config) {
        return new SkillValidator(config.content().maxUploadSize().asLongValue());
    }

    /** A version downloaded to compare is the same skill content as an upload, so the same size cap applies. */
    @Produces
    @Singleton
    SkillSynchronizer synchronizer(SkillsApiClient api, SkillsyncConfig config, Clock clock) {
        return new SkillSynchronizer(api, config.content().maxUploadSize().asLongValue(), clock);
    }

    @Produces
    @Singleton
    FailurePolicy failurePolicy(SkillsyncConfig config) {
        return new FailurePolicy(
                new RetryBackoff(config.retry().minBackoff(), config.retry().maxBackoff()),
                config.retry().rateLimitedBackoff());
    }
}
