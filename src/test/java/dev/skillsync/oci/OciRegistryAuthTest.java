package dev.skillsync.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.testing.SkillFixtures;
import dev.skillsync.testing.TestTier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication against real registries: HTTPS with a private CA and htpasswd Basic auth, and token auth with a
 * token service of the test.
 */
@Tag(TestTier.EXTERNAL_TOOLS_TAG)
class OciRegistryAuthTest {

    private static final String USER = "skills-reader";
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String WRONG_PASSWORD = "wrong-password-42";
    private static final String REPOSITORY = "team-a/pdf-tools";

    @TempDir
    static Path directory;

    static RegistryServer basicRegistry;
    static TokenServer tokenService;
    static RegistryServer tokenRegistry;
    static String basicDigest;
    static String tokenDigest;

    OciRegistryClient client = new OciRegistryClient(TestSkill.SETTINGS);

    @BeforeAll
    static void startRegistries() throws Exception {
        basicRegistry =
                RegistryServer.tlsWithBasicAuth(Files.createDirectory(directory.resolve("basic")), USER, PASSWORD);
        Path tokenDirectory = Files.createDirectory(directory.resolve("token"));
        tokenService = new TokenServer(tokenDirectory, USER, PASSWORD);
        tokenRegistry = RegistryServer.withTokenAuth(tokenDirectory, tokenService);
        List<TestLayer> layers = List.of(TestLayer.orasDirectory("pdf-tools", TestSkill.FILES));
        basicDigest = basicRegistry.pusher().pushArtifact(REPOSITORY, "1.0.0", layers);
        tokenDigest = tokenRegistry.pusher().pushArtifact(REPOSITORY, "1.0.0", layers);
    }

    @AfterAll
    static void stopRegistries() {
        // Null when startRegistries was skipped for a missing program.
        if (basicRegistry != null) {
            basicRegistry.close();
        }
        if (tokenRegistry != null) {
            tokenRegistry.close();
        }
        if (tokenService != null) {
            tokenService.close();
        }
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void basicAuthOverTlsWithThePrivateCaPulls() throws Exception {
        OciReference reference = OciReference.parse(basicRegistry.url(REPOSITORY), "1.0.0", null);
        Optional<RegistryCredentials> credentials = Optional.of(new RegistryCredentials(USER, PASSWORD));

        String digest = client.resolveDigest(reference, credentials, basicRegistry.connection());
        PulledArtifact artifact = client.pull(reference, digest, credentials, basicRegistry.connection());

        assertThat(digest).isEqualTo(basicDigest);
        assertThat(SkillFixtures.asText(artifact.files())).isEqualTo(SkillFixtures.asText(TestSkill.FILES));
    }

    @Test
    void credentialsFromADockerConfigJsonKeyWithSchemePull() throws Exception {
        byte[] dockerConfig = ("{\"auths\":{\"https://" + basicRegistry.host() + "\":{\"username\":\"" + USER
                        + "\",\"password\":\"" + PASSWORD + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        OciReference reference = OciReference.parse(basicRegistry.url(REPOSITORY), "1.0.0", null);
        Optional<RegistryCredentials> credentials =
                RegistryCredentials.fromDockerConfigJson(dockerConfig, reference.registry());

        assertThat(client.pull(reference, basicDigest, credentials, basicRegistry.connection())
                        .files())
                .containsOnlyKeys(TestSkill.FILES.keySet());
    }

    @Test
    void aTlsRegistryWithoutItsCaIsUnreachableWithAHint() {
        OciReference reference = OciReference.parse(basicRegistry.url(REPOSITORY), "1.0.0", null);

        assertThatThrownBy(() -> client.resolveDigest(
                        reference,
                        Optional.of(new RegistryCredentials(USER, PASSWORD)),
                        RegistryConnection.of(false, null)))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNREACHABLE))
                .hasMessageContaining("TLS connection to registry " + basicRegistry.host() + " failed")
                .hasMessageContaining("certSecretRef");
    }

    @Test
    void basicAuthWithAWrongPasswordIsUnauthorizedWithoutTheSecret() {
        OciReference reference = OciReference.parse(basicRegistry.url(REPOSITORY), "1.0.0", null);

        assertThatThrownBy(() -> client.resolveDigest(
                        reference,
                        Optional.of(new RegistryCredentials(USER, WRONG_PASSWORD)),
                        basicRegistry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNAUTHORIZED))
                .hasMessageContaining("denied access to tag 1.0.0")
                .hasMessageNotContaining(WRONG_PASSWORD);
    }

    @Test
    void basicAuthWithoutCredentialsIsUnauthorizedAskingForASecret() {
        OciReference reference = OciReference.parse(basicRegistry.url(REPOSITORY), "1.0.0", null);

        assertThatThrownBy(() -> client.resolveDigest(reference, Optional.empty(), basicRegistry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNAUTHORIZED))
                .hasMessageContaining("requires credentials: set spec.source.oci.secretRef");
    }

    @Test
    void tokenAuthWithValidCredentialsPulls() throws Exception {
        OciReference reference = OciReference.parse(tokenRegistry.url(REPOSITORY), "1.0.0", null);
        Optional<RegistryCredentials> credentials = Optional.of(new RegistryCredentials(USER, PASSWORD));

        String digest = client.resolveDigest(reference, credentials, tokenRegistry.connection());
        PulledArtifact artifact = client.pull(reference, digest, credentials, tokenRegistry.connection());

        assertThat(digest).isEqualTo(tokenDigest);
        assertThat(SkillFixtures.asText(artifact.files())).isEqualTo(SkillFixtures.asText(TestSkill.FILES));
    }

    @Test
    void tokenAuthWithAWrongPasswordIsUnauthorizedWithTheServicesMessage() {
        OciReference reference = OciReference.parse(tokenRegistry.url(REPOSITORY), "1.0.0", null);

        assertThatThrownBy(() -> client.resolveDigest(
                        reference,
                        Optional.of(new RegistryCredentials(USER, WRONG_PASSWORD)),
                        tokenRegistry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNAUTHORIZED))
                .hasMessageContaining("token service of registry " + tokenRegistry.host() + " rejected the credentials")
                .hasMessageContaining("incorrect username or password")
                .hasMessageNotContaining(WRONG_PASSWORD);
    }

    @Test
    void anAnonymousTokenWithoutAccessIsUnauthorized() {
        OciReference reference = OciReference.parse(tokenRegistry.url(REPOSITORY), "1.0.0", null);

        assertThatThrownBy(() -> client.resolveDigest(reference, Optional.empty(), tokenRegistry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNAUTHORIZED))
                .hasMessageContaining("no credentials were sent");
    }

    @Test
    void aTokenObtainedWithOneCredentialIsNeverUsedForAnother() throws Exception {
        OciReference reference = OciReference.parse(tokenRegistry.url(REPOSITORY), "1.0.0", null);
        Optional<RegistryCredentials> right = Optional.of(new RegistryCredentials(USER, PASSWORD));
        assertThat(client.resolveDigest(reference, right, tokenRegistry.connection()))
                .isEqualTo(tokenDigest);

        assertThatThrownBy(() -> client.pull(
                        reference,
                        tokenDigest,
                        Optional.of(new RegistryCredentials(USER, WRONG_PASSWORD)),
                        tokenRegistry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNAUTHORIZED));
        assertThatThrownBy(() -> client.pull(reference, tokenDigest, Optional.empty(), tokenRegistry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNAUTHORIZED));
        assertThat(client.pull(reference, tokenDigest, right, tokenRegistry.connection())
                        .files())
                .containsOnlyKeys(TestSkill.FILES.keySet());
    }

    @Test
    void theSameCredentialsReuseTheirTokenAcrossOperations() throws Exception {
        OciReference reference = OciReference.parse(tokenRegistry.url(REPOSITORY), "1.0.0", null);
        int before = tokenService.tokenRequests();
        client.resolveDigest(
                reference, Optional.of(new RegistryCredentials(USER, PASSWORD)), tokenRegistry.connection());
        int requests = tokenService.tokenRequests();
        assertThat(requests).isGreaterThan(before);

        client.resolveDigest(
                reference, Optional.of(new RegistryCredentials(USER, PASSWORD)), tokenRegistry.connection());
        client.pull(
                reference,
                tokenDigest,
                Optional.of(new RegistryCredentials(USER, PASSWORD)),
                tokenRegistry.connection());

        assertThat(tokenService.tokenRequests()).isEqualTo(requests);
    }
}
