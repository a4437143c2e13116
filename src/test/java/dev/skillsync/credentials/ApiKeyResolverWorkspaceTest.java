package dev.skillsync.credentials;

import static dev.skillsync.testing.SkillFixtures.newSkill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skillsync.resource.SecretKeySelector;
import dev.skillsync.resource.Skill;
import dev.skillsync.skillsapi.ApiCallObserver;
import dev.skillsync.skillsapi.ApiKey;
import dev.skillsync.skillsapi.GaDialect;
import dev.skillsync.skillsapi.SkillsApiClient;
import dev.skillsync.skillsapi.SkillsApiSettings;
import dev.skillsync.testing.EmbeddedKubernetes;
import dev.skillsync.testing.TestConfigs;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workspace a key acts on: ANTHROPIC_WORKSPACE_ID for the operator's key, the Secret's workspace-id for a Skill's.
 */
class ApiKeyResolverWorkspaceTest {

    private static final String NAMESPACE = "team-a";

    private EmbeddedKubernetes kubernetes;
    private MockWebServer server;
    private SkillsApiClient client;

    @BeforeEach
    void start() throws Exception {
        kubernetes = EmbeddedKubernetes.start();
        server = new MockWebServer();
        server.start();
        client = new SkillsApiClient(
                new SkillsApiSettings(
                        server.url("/").toString(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        0,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        1,
                        1024),
                new GaDialect(),
                ApiCallObserver.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
        kubernetes.close();
    }

    @Test
    void theOperatorsKeyActsOnTheConfiguredWorkspace() throws Exception {
        ApiKeyResolver resolver =
                resolver(Map.of("skillsync.api.key", "sk-ant-default", "skillsync.api.workspace-id", "wrkspc_fleet"));

        String workspace = workspaceSentWith(resolver.resolve(newSkill(NAMESPACE, "pdf", "files")));

        assertThat(workspace).isEqualTo("wrkspc_fleet");
    }

    @Test
    void aSkillsSecretNamesItsWorkspaceOrNone() throws Exception {
        ApiKeyResolver resolver =
                resolver(Map.of("skillsync.api.key", "sk-ant-default", "skillsync.api.workspace-id", "wrkspc_fleet"));
        secret("with-workspace", Map.of("api-key", "sk-ant-team", "workspace-id", " wrkspc_team\n"));
        secret("without-workspace", Map.of("api-key", "sk-ant-team"));

        assertThat(workspaceSentWith(resolver.resolve(skillWithSecret("with-workspace"))))
                .isEqualTo("wrkspc_team");
        // The operator's workspace goes with the operator's key only.
        assertThat(workspaceSentWith(resolver.resolve(skillWithSecret("without-workspace"))))
                .isNull();
    }

    @Test
    void anUnusableWorkspaceIdIsReportedWithoutItsValue() {
        ApiKeyResolver resolver = resolver(Map.of("skillsync.api.key", "sk-ant-default"));
        secret("bad-workspace", Map.of("api-key", "sk-ant-team", "workspace-id", "wrkspc secret-looking"));

        MissingApiKeyException failure = catchThrowableOfType(
                MissingApiKeyException.class, () -> resolver.resolve(skillWithSecret("bad-workspace")));

        assertThat(failure.getMessage())
                .contains("bad-workspace", "workspace-id")
                .doesNotContain("secret-looking");
    }

    private ApiKeyResolver resolver(Map<String, String> settings) {
        return new ApiKeyResolver(kubernetes.client(), TestConfigs.skillsync(settings));
    }

    private void secret(String name, Map<String, String> data) {
        kubernetes
                .client()
                .secrets()
                .inNamespace(NAMESPACE)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withStringData(data)
                        .build())
                .create();
    }

    private static Skill skillWithSecret(String secret) {
        Skill skill = newSkill(NAMESPACE, "pdf", "files");
        skill.getSpec().setApiKeySecretRef(new SecretKeySelector(secret, "api-key"));
        return skill;
    }

    /** The anthropic-workspace-id header of a call made with the key. */
    private String workspaceSentWith(ApiKey key) throws Exception {
        server.enqueue(new MockResponse().setBody("{\"data\":[],\"next_page\":null}"));
        client.listSkills(key);
        return server.takeRequest().getHeader("anthropic-workspace-id");
    }
}
