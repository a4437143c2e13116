package dev.skillsync.skillsapi;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY_VALUE;
import static dev.skillsync.skillsapi.SkillsApiFixtures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The API key shows up in no exception, log line or toString, even when a server echoes it back. */
@Timeout(30)
@ParameterizedClass
@EnumSource(WireShapes.class)
class SkillsApiKeySecrecyTest {

    @Parameter
    WireShapes shapes;

    private MockWebServer server;
    private SkillsApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new SkillsApiClient(
                new SkillsApiSettings(
                        server.url("/").toString(),
                        Duration.ofSeconds(5),
                        Duration.ofMillis(500),
                        1,
                        Duration.ofMillis(1),
                        Duration.ofMillis(5),
                        4,
                        1024),
                shapes.dialect(),
                new ManualTime());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void noFailureRevealsTheKey() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            server.enqueue(new MockResponse()
                    .setResponseCode(401)
                    .setHeader("request-id", "req_401")
                    .setBody(
                            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key "
                                    + KEY_VALUE + "\"},\"request_id\":\"req_401\"}"));
            failures.add(failureOf(() -> client.getSkill(KEY, "skill_01")));

            server.enqueue(
                    new MockResponse().setResponseCode(403).setBody("<html>key " + KEY_VALUE + " denied</html>"));
            failures.add(failureOf(() -> client.listSkills(KEY)));

            server.enqueue(SkillsApiFixtures.error(404, "not_found_error", "Skill not found"));
            failures.add(failureOf(() -> client.deleteSkill(KEY, "skill_01")));

            server.enqueue(new MockResponse().setResponseCode(500).setBody("echo: x-api-key: " + KEY_VALUE));
            server.enqueue(new MockResponse().setResponseCode(500).setBody("echo: x-api-key: " + KEY_VALUE));
            failures.add(failureOf(() -> client.getVersion(KEY, "skill_01", "1")));

            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            failures.add(failureOf(() -> client.getSkill(KEY, "skill_01")));

            server.enqueue(new MockResponse().setBody(new Buffer().write(new byte[1025])));
            failures.add(failureOf(() -> client.downloadVersion(KEY, "skill_01", "1")));

            server.enqueue(new MockResponse().setResponseCode(200).setBody("not json " + KEY_VALUE));
            failures.add(failureOf(() -> client.getSkill(KEY, "skill_01")));

            assertThat(failures)
                    .extracting(failure -> ((SkillsApiException) failure).status())
                    .containsExactly(401, 403, 404, 500, 0, 200, 200);
            assertThat(((SkillsApiException) failures.get(0)).apiMessage()).isEqualTo("invalid x-api-key [redacted]");
            for (Throwable failure : failures) {
                assertNoKeyIn(failure);
            }
            assertThat(logs.lines())
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(line -> assertThat(line).doesNotContain(KEY_VALUE));
        }
    }

    @Test
    void anUnreachableApiIsNamedWithoutCredentialsFromItsBaseUrl() throws Exception {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String withCredentials = "http://proxy-user:proxy-Passw0rd@127.0.0.1:" + gone.getPort() + "/";
        gone.shutdown();
        try (LogCapture logs = new LogCapture();
                SkillsApiClient unreachable = new SkillsApiClient(
                        new SkillsApiSettings(
                                withCredentials,
                                Duration.ofSeconds(5),
                                Duration.ofMillis(500),
                                1,
                                Duration.ofMillis(1),
                                Duration.ofMillis(5),
                                4,
                                1024),
                        shapes.dialect(),
                        new ManualTime())) {

            SkillsApiException e = failureOf(() -> unreachable.listSkills(KEY));

            assertThat(e.getMessage()).contains("could not connect to http://127.0.0.1:" + gone.getPort());
            assertNoKeyIn(e);
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("proxy-Passw0rd");
            }
            assertThat(logs.lines())
                    .isNotEmpty()
                    .allSatisfy(line ->
                            assertThat(line).doesNotContain("proxy-Passw0rd").doesNotContain(KEY_VALUE));
        }
    }

    @Test
    void theKeyItselfNeverPrints() {
        assertThat(KEY.toString()).isEqualTo("ApiKey[redacted]");
        assertThat(String.valueOf(KEY)).doesNotContain(KEY_VALUE);
    }

    @Test
    void badKeysAreRejectedWithoutQuotingThem() {
        String withNewlineInside = "sk-ant-api03-SECRET\nSECOND-LINE";
        assertThatThrownBy(() -> ApiKey.of(withNewlineInside))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("SECRET")
                .hasMessageContaining("control");
        assertThatThrownBy(() -> ApiKey.of("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ApiKey.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void surroundingWhitespaceIsNotPartOfTheKey() throws Exception {
        server.enqueue(new MockResponse().setBody(shapes.skillJson("skill_01", "x", "1")));

        client.getSkill(ApiKey.of(KEY_VALUE + "\n"), "skill_01");

        assertThat(server.takeRequest().getHeader("x-api-key")).isEqualTo(KEY_VALUE);
    }

    private static void assertNoKeyIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(KEY_VALUE);
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY_VALUE);
            for (Throwable suppressed : t.getSuppressed()) {
                assertNoKeyIn(suppressed);
            }
        }
        if (failure instanceof SkillsApiException e) {
            assertThat(String.valueOf(e.apiMessage())).doesNotContain(KEY_VALUE);
        }
    }
}
