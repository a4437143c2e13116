package dev.skillsync.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryCredentialsTest {

    private static final String PASSWORD = "p@ss:w0rd";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "registry.example.com:5000",
                "https://registry.example.com:5000",
                "http://registry.example.com:5000/v2/",
                "REGISTRY.example.com:5000"
            })
    void anEntryMatchesWithOrWithoutSchemeAndPath(String key) {
        byte[] config = config("{\"" + key + "\":{\"auth\":\"" + base64("reader:" + PASSWORD) + "\"}}");

        assertThat(RegistryCredentials.fromDockerConfigJson(config, "registry.example.com:5000"))
                .contains(new RegistryCredentials("reader", PASSWORD));
    }

    @Test
    void usernameAndPasswordFieldsServeWhenThereIsNoAuth() {
        byte[] config = config("{\"ghcr.io\":{\"username\":\"reader\",\"password\":\"" + PASSWORD + "\"}}");

        assertThat(RegistryCredentials.fromDockerConfigJson(config, "ghcr.io"))
                .contains(new RegistryCredentials("reader", PASSWORD));
    }

    @Test
    void theExactKeyWinsOverANormalisedOne() {
        byte[] config = config("{\"https://ghcr.io\":{\"username\":\"other\",\"password\":\"x\"},"
                + "\"ghcr.io\":{\"username\":\"reader\",\"password\":\"y\"}}");

        assertThat(RegistryCredentials.fromDockerConfigJson(config, "ghcr.io"))
                .contains(new RegistryCredentials("reader", "y"));
    }

    @Test
    void dockerHubMatchesTheKeyDockerLoginWrites() {
        byte[] config = config("{\"https://index.docker.io/v1/\":{\"auth\":\"" + base64("reader:" + PASSWORD) + "\"}}");

        assertThat(RegistryCredentials.fromDockerConfigJson(config, DockerHub.API_HOST))
                .contains(new RegistryCredentials("reader", PASSWORD));
    }

    @Test
    void noEntryForTheRegistryGivesNone() {
        byte[] config = config("{\"ghcr.io\":{\"username\":\"reader\",\"password\":\"x\"}}");

        assertThat(RegistryCredentials.fromDockerConfigJson(config, "quay.io")).isEqualTo(Optional.empty());
    }

    @Test
    void malformedDocumentsAreRefusedWithoutQuotingTheSecret() {
        assertThatThrownBy(() -> RegistryCredentials.fromDockerConfigJson(
                        "{\"auths\": {\"ghcr.io\": {\"password\": s3cr3t-value}}}".getBytes(StandardCharsets.UTF_8),
                        "ghcr.io"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON (line 1, column")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() ->
                        RegistryCredentials.fromDockerConfigJson("{}".getBytes(StandardCharsets.UTF_8), "ghcr.io"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no \"auths\" object");
        assertThatThrownBy(() -> RegistryCredentials.fromDockerConfigJson(
                        config("{\"ghcr.io\":{\"auth\":\"" + base64("no-colon-s3cr3t") + "\"}}"), "ghcr.io"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the base64 of username:password")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> RegistryCredentials.fromDockerConfigJson(
                        config("{\"ghcr.io\":{\"identitytoken\":\"s3cr3t\"}}"), "ghcr.io"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has neither \"auth\" nor \"username\" and \"password\"");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new RegistryCredentials("reader", PASSWORD).toString())
                .contains("reader")
                .doesNotContain(PASSWORD);
    }

    private static byte[] config(String auths) {
        return ("{\"auths\":" + auths + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
