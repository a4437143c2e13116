package dev.skillsync.skillsapi;

import dev.skillsync.config.SkillsyncConfig;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * How the client talks to the Skills API.
 *
 * @param maxRetries            retries after the first attempt
 * @param maxConcurrentRequests HTTP calls in flight at once across the process
 * @param maxDownloadBytes      largest zip {@link SkillsApiClient#downloadVersion} accepts
 */
public record SkillsApiSettings(
        String baseUrl,
        Duration connectTimeout,
        Duration callTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxConcurrentRequests,
        long maxDownloadBytes) {

    public SkillsApiSettings {
        if (baseUrl == null || HttpUrl.parse(baseUrl) == null) {
            throw new IllegalArgumentException(
                    "skillsync.api.base-url (ANTHROPIC_BASE_URL) must be an http or https URL, got: " + baseUrl);
        }
        requirePositive(connectTimeout, "skillsync.api.connect-timeout");
        requirePositive(callTimeout, "skillsync.api.call-timeout");
        requirePositive(initialBackoff, "skillsync.api.initial-backoff");
        requirePositive(maxBackoff, "skillsync.api.max-backoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("skillsync.api.max-backoff (" + maxBackoff
                    + ") must not be shorter than skillsync.api.initial-backoff (" + initialBackoff + ")");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("skillsync.api.max-retries must be 0 or more, got " + maxRetries);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException(
                    "skillsync.api.max-concurrent-requests must be 1 or more, got " + maxConcurrentRequests);
        }
        if (maxDownloadBytes < 1) {
            throw new IllegalArgumentException(
                    "skillsync.content.max-upload-size must be positive, got " + maxDownloadBytes + " bytes");
        }
    }

    public static SkillsApiSettings from(SkillsyncConfig config) {
        SkillsyncConfig.Api api = config.api();
        return new SkillsApiSettings(
                api.baseUrl(),
                api.connectTimeout(),
                api.callTimeout(),
                api.maxRetries(),
                api.initialBackoff(),
                api.maxBackoff(),
                api.maxConcurrentRequests(),
                config.content().maxUploadSize().asLongValue());
    }

    private static void requirePositive(Duration duration, String setting) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, got " + duration);
        }
    }
}
