package dev.skillsync.skillsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.testing.TestConfigs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillsApiSettingsTest {

    @Test
    void defaultsComeFromTheConfiguration() {
        SkillsApiSettings settings = SkillsApiSettings.from(TestConfigs.skillsync(Map.of()));

        assertThat(settings)
                .isEqualTo(new SkillsApiSettings(
                        "https://api.anthropic.com",
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(120),
                        4,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(30),
                        8,
                        30L * 1024 * 1024));
    }

    @Test
    void everySettingIsTakenOver() {
        SkillsApiSettings settings = SkillsApiSettings.from(TestConfigs.skillsync(Map.of(
                "skillsync.api.base-url", "http://skills-proxy.internal:8080",
                "skillsync.api.connect-timeout", "3s",
                "skillsync.api.call-timeout", "1m",
                "skillsync.api.max-retries", "0",
                "skillsync.api.initial-backoff", "200ms",
                "skillsync.api.max-backoff", "2s",
                "skillsync.api.max-concurrent-requests", "2",
                "skillsync.content.max-upload-size", "8M")));

        assertThat(settings)
                .isEqualTo(new SkillsApiSettings(
                        "http://skills-proxy.internal:8080",
                        Duration.ofSeconds(3),
                        Duration.ofMinutes(1),
                        0,
                        Duration.ofMillis(200),
                        Duration.ofSeconds(2),
                        2,
                        8L * 1024 * 1024));
    }

    @Test
    void badValuesNameTheSettingToFix() {
        SkillsApiSettings good = SkillsApiSettings.from(TestConfigs.skillsync(Map.of()));

        assertThatThrownBy(() -> new SkillsApiSettings(
                        "api.anthropic.com",
                        good.connectTimeout(),
                        good.callTimeout(),
                        good.maxRetries(),
                        good.initialBackoff(),
                        good.maxBackoff(),
                        good.maxConcurrentRequests(),
                        good.maxDownloadBytes()))
                .hasMessage("skillsync.api.base-url (ANTHROPIC_BASE_URL) must be an http or https URL, got:"
                        + " api.anthropic.com");
        assertThatThrownBy(() -> new SkillsApiSettings(
                        good.baseUrl(),
                        good.connectTimeout(),
                        Duration.ZERO,
                        good.maxRetries(),
                        good.initialBackoff(),
                        good.maxBackoff(),
                        good.maxConcurrentRequests(),
                        good.maxDownloadBytes()))
                .hasMessageContaining("skillsync.api.call-timeout");
        assertThatThrownBy(() -> new SkillsApiSettings(
                        good.baseUrl(),
                        good.connectTimeout(),
                        good.callTimeout(),
                        good.maxRetries(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1),
                        good.maxConcurrentRequests(),
                        good.maxDownloadBytes()))
                .hasMessageContaining("skillsync.api.max-backoff")
                .hasMessageContaining("initial-backoff");
        assertThatThrownBy(() -> new SkillsApiSettings(
                        good.baseUrl(),
                        good.connectTimeout(),
                        good.callTimeout(),
                        -1,
                        good.initialBackoff(),
                        good.maxBackoff(),
                        good.maxConcurrentRequests(),
                        good.maxDownloadBytes()))
                .hasMessageContaining("skillsync.api.max-retries");
        assertThatThrownBy(() -> new SkillsApiSettings(
                        good.baseUrl(),
                        good.connectTimeout(),
                        good.callTimeout(),
                        good.maxRetries(),
                        good.initialBackoff(),
                        good.maxBackoff(),
                        0,
                        good.maxDownloadBytes()))
                .hasMessageContaining("skillsync.api.max-concurrent-requests");
    }
}
