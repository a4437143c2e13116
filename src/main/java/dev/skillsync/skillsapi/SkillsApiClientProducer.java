package dev.skillsync.skillsapi;

import dev.skillsync.config.SkillsyncConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;

/** Makes the one {@link SkillsApiClient} of the process from the {@code skillsync.api} settings. */
@ApplicationScoped
public class SkillsApiClientProducer {

    /** Created at startup, so that bad settings stop the operator before it reconciles anything. */
    @Produces
    @Singleton
    @Startup
    SkillsApiClient skillsApiClient(SkillsyncConfig config, ApiCallObserver observer) {
        return new SkillsApiClient(
                SkillsApiSettings.from(config), dialect(config.api().dialect()), observer);
    }

    void close(@Disposes SkillsApiClient client) {
        client.close();
    }

    static WireDialect dialect(String name) {
        String normalised = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals(BetaDialect.NAME)) {
            return new BetaDialect();
        }
        if (normalised.equals(GaDialect.NAME)) {
            return new GaDialect();
        }
        throw new IllegalArgumentException("skillsync.api.dialect (SKILLSYNC_API_DIALECT) '" + name
                + "' is not supported; the supported dialects are '" + BetaDialect.NAME + "' and '" + GaDialect.NAME
                + "'");
    }
}
