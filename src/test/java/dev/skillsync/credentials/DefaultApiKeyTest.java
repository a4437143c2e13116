package dev.skillsync.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.skillsapi.ApiKey;
import dev.skillsync.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's default key: from the setting, or from a file that is read again at each use. */
class DefaultApiKeyTest {

    private static final String FIRST = "sk-ant-api03-first-0123456789";
    private static final String SECOND = "sk-ant-api03-second-9876543210";

    @TempDir
    Path dir;

    private static DefaultApiKey from(Map<String, String> properties) {
        return DefaultApiKey.from(TestConfigs.skillsync(properties).api());
    }

    @Test
    void aKeyFileIsReadAgainAtEachUseSoARotatedKeyIsUsedAtOnce() throws Exception {
        Path file = dir.resolve("api-key");
        Files.writeString(file, FIRST + "\n");
        DefaultApiKey key = from(Map.of("skillsync.api.key-file", file.toString()));

        assertThat(key.get()).isEqualTo(ApiKey.of(FIRST));

        Files.writeString(file, SECOND);
        assertThat(key.get()).isEqualTo(ApiKey.of(SECOND));
    }

    @Test
    void aMissingOrUnusableKeyFileIsNamedWithoutItsContent() throws IOException {
        Path file = dir.resolve("api-key");
        DefaultApiKey key = from(Map.of("skillsync.api.key-file", file.toString()));

        assertThatThrownBy(key::get)
                .isInstanceOf(MissingApiKeyException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("ANTHROPIC_API_KEY_FILE")
                .hasMessageContaining("cannot be read");

        Files.writeString(file, "not a key " + FIRST);
        assertThatThrownBy(key::get)
                .isInstanceOf(MissingApiKeyException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no usable API key")
                .hasMessageNotContaining(FIRST);
    }

    @Test
    void theKeySettingIsUsedWithoutAFile() throws Exception {
        assertThat(from(Map.of("skillsync.api.key", FIRST)).get()).isEqualTo(ApiKey.of(FIRST));
    }

    @Test
    void noDefaultKeyNamesBothWaysToSetOne() {
        assertThatThrownBy(() -> from(Map.of()).get())
                .isInstanceOf(MissingApiKeyException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY")
                .hasMessageContaining("ANTHROPIC_API_KEY_FILE");
    }

    @Test
    void aKeyAndAKeyFileTogetherAreRefused() {
        assertThatThrownBy(() -> from(Map.of(
                        "skillsync.api.key",
                        FIRST,
                        "skillsync.api.key-file",
                        dir.resolve("api-key").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both")
                .hasMessageNotContaining(FIRST);
    }
}
