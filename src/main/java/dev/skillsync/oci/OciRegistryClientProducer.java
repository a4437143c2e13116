package dev.skillsync.oci;

import dev.skillsync.config.SkillsyncConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one registry client of the operator, configured from {@code skillsync.oci.*}. */
@Singleton
public class OciRegistryClientProducer {

    @Produces
    @Singleton
    OciRegistryClient ociRegistryClient(SkillsyncConfig config) {
        return new OciRegistryClient(OciClientSettings.from(config.oci()));
    }

    void close(@Disposes OciRegistryClient client) {
        client.close();
    }
}
