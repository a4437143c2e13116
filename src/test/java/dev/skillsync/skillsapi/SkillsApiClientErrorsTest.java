package dev.skillsync.skillsapi;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static dev.skillsync.skillsapi.SkillsApiFixtures.failureOf;
import static dev.skillsync.skillsapi.SkillsApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** How error answers and unusable answers become {@link SkillsApiException}s. Retries are off here. */
@ParameterizedClass
@EnumSource(WireShapes.class)
class SkillsApiClientErrorsTest {

    @Parameter
    WireShapes shapes;

    private MockWebServer server;
    private SkillsApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        SkillsApiSettings base = SkillsApiFixtures.settings(server);
        client = new SkillsApiClient(
                new SkillsApiSettings(
                        base.baseUrl(),
                        base.connectTimeout(),
                        base.callTimeout(),
                        0,
                        base.initialBackoff(),
                        base.maxBackoff(),
                        base.maxConcurrentRequests(),
                        base.maxDownloadBytes()),
                shapes.dialect(),
                ApiCallObserver.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error, Cannot delete skill with existing versions., false, false, false, false",
        "401, authentication_error, invalid x-api-key, false, true, false, false",
        "403, permission_error, Your key has no access to skills, false, true, false, false",
        "404, not_found_error, Skill not found, true, false, false, false",
        "413, request_too_large, Request exceeds the maximum size, false, false, false, false",
        "429, rate_limit_error, Too many requests, false, false, true, true",
        "500, api_error, Internal server error, false, false, false, true",
        "529, overloaded_error, Overloaded, false, false, false, true",
    })
    void errorEnvelopeIsMapped(
            int status,
            String type,
            String message,
            boolean notFound,
            boolean authFailure,
            boolean rateLimited,
            boolean retryable) {
        server.enqueue(new MockResponse()
                .setResponseCode(status)
                .setHeader("request-id", "req_header")
                .setBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                        + "\"},\"request_id\":\"req_body\"}"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorType()).isEqualTo(type);
        assertThat(e.apiMessage()).isEqualTo(message);
        assertThat(e.requestId()).isEqualTo("req_header");
        assertThat(e.getMessage())
                .isEqualTo("Skills API " + status + " " + type + ": " + message + " (request-id req_header)");
        assertThat(e.isNotFound()).isEqualTo(notFound);
        assertThat(e.isAuthenticationFailure()).isEqualTo(authFailure);
        assertThat(e.isRateLimited()).isEqualTo(rateLimited);
        assertThat(RetryPolicy.isRetryableStatus(e.status())).isEqualTo(retryable);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void requestIdComesFromTheBodyWhenTheHeaderIsMissing() {
        server.enqueue(new MockResponse()
                .setResponseCode(404)
                .setBody("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"Skill not found\"},"
                        + "\"request_id\":\"req_123\"}"));

        SkillsApiException e = failureOf(() -> client.deleteSkill(KEY, "skill_01"));

        assertThat(e.requestId()).isEqualTo("req_123");
        assertThat(e.getMessage()).isEqualTo("Skills API 404 not_found_error: Skill not found (request-id req_123)");
    }

    @Test
    void nonJsonErrorBodyIsQuotedInTheMessage() {
        server.enqueue(new MockResponse()
                .setResponseCode(502)
                .setHeader("request-id", "req_proxy")
                .setHeader("Content-Type", "text/html")
                .setBody("<html>\n  <body>502 Bad Gateway</body>\n</html>"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.errorType()).isNull();
        assertThat(e.apiMessage()).isNull();
        assertThat(e.requestId()).isEqualTo("req_proxy");
        assertThat(RetryPolicy.isRetryableStatus(e.status())).isTrue();
        assertThat(e.getMessage())
                .isEqualTo("Skills API 502: the answer is not a JSON error:"
                        + " <html> <body>502 Bad Gateway</body> </html> (request-id req_proxy)");
    }

    @Test
    void longNonJsonErrorBodyIsCut() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("x".repeat(10_000)));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.getMessage())
                .isEqualTo("Skills API 500: the answer is not a JSON error: " + "x".repeat(200) + "...");
    }

    @Test
    void emptyErrorBodyStillGivesAClearMessage() {
        server.enqueue(new MockResponse().setResponseCode(503));

        SkillsApiException e = failureOf(() -> client.listSkills(KEY));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo("Skills API 503: the answer has no body");
    }

    @Test
    void errorWithoutMessageSaysSo() {
        server.enqueue(json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\"}}"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.getMessage())
                .isEqualTo(
                        "Skills API 400 invalid_request_error: the answer has no error message (request-id req_400)");
    }

    @Test
    void redirectIsAnErrorNotFollowed() {
        server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "https://elsewhere.example/"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.status()).isEqualTo(307);
        assertThat(RetryPolicy.isRetryableStatus(e.status())).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void successfulAnswerThatIsNotJsonIsUnusable() {
        server.enqueue(json(200, "<html>maintenance</html>"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.status()).isEqualTo(200);
        assertThat(RetryPolicy.isRetryableStatus(e.status())).isFalse();
        assertThat(e.getMessage())
                .isEqualTo(
                        "Skills API GET /v1/skills/skill_01 answered 200 but its body is not JSON (request-id req_200)");
    }

    @Test
    void successfulAnswerWithoutIdIsUnusable() {
        server.enqueue(json(200, "{\"display_title\":\"x\"}"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.getMessage())
                .isEqualTo("Skills API GET /v1/skills/skill_01 answered 200 but an object in it is"
                        + " incomplete: it has no \"id\" (request-id req_200)");
    }

    @Test
    void listAnswerWithoutDataIsUnusable() {
        server.enqueue(json(200, "{\"has_more\":false}"));

        SkillsApiException e = failureOf(() -> client.listVersions(KEY, "skill_01"));

        assertThat(e.getMessage())
                .contains("GET /v1/skills/skill_01/versions answered 200 but its body has no" + " \"data\" list");
    }

    @Test
    void rateLimitCarriesTheRequestedWait() {
        server.enqueue(new MockResponse()
                .setResponseCode(429)
                .setHeader("retry-after", "7")
                .setBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void errorsWithoutAWaitHaveNone() {
        server.enqueue(json(404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"x\"}}"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.retryAfter()).isEmpty();
    }
}
