package dev.skillsync.oci;

import dev.skillsync.config.SkillsyncConfig;
import java.time.Duration;

/**
 * Limits and timeouts of the registry client.
 *
 * @param maxArtifactSize largest number of bytes downloaded for one artifact (manifest and layers)
 * @param maxUnpackedSize largest number of bytes of one artifact's files once unpacked (tar headers included)
 */
public record OciClientSettings(
        long maxArtifactSize, long maxUnpackedSize, Duration connectTimeout, Duration callTimeout) {

    public static OciClientSettings from(SkillsyncConfig.Oci config) {
        return new OciClientSettings(
                config.maxArtifactSize().asLongValue(),
                config.maxUnpackedSize().asLongValue(),
                config.connectTimeout(),
                config.callTimeout());
    }
}
