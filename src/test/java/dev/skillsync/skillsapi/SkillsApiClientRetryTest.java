package dev.skillsync.skillsapi;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static dev.skillsync.skillsapi.SkillsApiFixtures.error;
import static dev.skillsync.skillsapi.SkillsApiFixtures.failureOf;
import static dev.skillsync.skillsapi.SkillsApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, after which waits, and what is left when retries run out. */
@Timeout(30)
@ParameterizedClass
@EnumSource(WireShapes.class)
class SkillsApiClientRetryTest {

    @Parameter
    WireShapes shapes;

    /** initial backoff 100 ms, max backoff 5 s, 3 retries: see {@link SkillsApiFixtures#settings}. */
    private final ManualTime time = new ManualTime();

    private final List<Duration> sleeps = time.sleeps();
    private MockWebServer server;
    private SkillsApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new SkillsApiClient(SkillsApiFixtures.settings(server), shapes.dialect(), time);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 529})
    void transientStatusIsRetried(int status) {
        server.enqueue(error(status, "api_error", "try again"));
        server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

        assertThat(client.getSkill(KEY, "skill_01").id()).isEqualTo("skill_01");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoffThenSucceed() {
        server.enqueue(error(500, "api_error", "boom"));
        server.enqueue(error(503, "api_error", "unavailable"));
        server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

        assertThat(client.getSkill(KEY, "skill_01").id()).isEqualTo("skill_01");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
    }

    @Test
    void retryAfterMillisecondsIsHonoured() {
        server.enqueue(error(429, "rate_limit_error", "slow down")
                .setHeader("retry-after-ms", "1500")
                .setHeader("retry-after", "3"));
        server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

        client.getSkill(KEY, "skill_01");

        assertThat(sleeps).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        server.enqueue(error(429, "rate_limit_error", "slow down").setHeader("retry-after", "2"));
        server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

        client.getSkill(KEY, "skill_01");

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRequestedWaitLongerThanTheMaximumBackoffIsLeftToTheCaller() {
        server.enqueue(error(429, "rate_limit_error", "slow down").setHeader("retry-after", "60"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.isRateLimited()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(sleeps).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryFalseStopsRetrying() {
        server.enqueue(error(503, "overloaded_error", "no").setHeader("x-should-retry", "false"));

        SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

        assertThat(e.status()).isEqualTo(503);
        assertThat(sleeps).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryTrueRetriesEvenAClientError() {
        server.enqueue(error(400, "invalid_request_error", "transient").setHeader("x-should-retry", "true"));
        server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

        assertThat(client.getSkill(KEY, "skill_01").id()).isEqualTo("skill_01");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void clientErrorIsNotRetried() {
        server.enqueue(error(400, "invalid_request_error", "bad"));

        SkillsApiException e =
                failureOf(() -> client.createSkill(KEY, "x", List.of(new UploadFile("x/SKILL.md", new byte[1]))));

        assertThat(e.status()).isEqualTo(400);
        assertThat(sleeps).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void exhaustedRetriesThrowTheLastAnswer() {
        server.enqueue(error(500, "api_error", "first"));
        server.enqueue(error(502, "api_error", "second"));
        server.enqueue(error(503, "api_error", "third"));
        server.enqueue(error(529, "overloaded_error", "last").setHeader("request-id", "req_last"));

        SkillsApiException e = failureOf(() -> client.listVersions(KEY, "skill_01"));

        assertThat(e.status()).isEqualTo(529);
        assertThat(e.apiMessage()).isEqualTo("last");
        assertThat(e.requestId()).isEqualTo("req_last");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void backoffNeverExceedsTheMaximum() throws Exception {
        SkillsApiSettings capped = new SkillsApiSettings(
                server.url("/").toString(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                6,
                Duration.ofMillis(100),
                Duration.ofMillis(300),
                4,
                1024);
        try (SkillsApiClient cappedClient = new SkillsApiClient(capped, shapes.dialect(), time)) {
            for (int i = 0; i < 7; i++) {
                server.enqueue(error(500, "api_error", "boom"));
            }

            failureOf(() -> cappedClient.getSkill(KEY, "skill_01"));

            assertThat(sleeps)
                    .hasSize(6)
                    .allSatisfy(sleep -> assertThat(sleep).isLessThanOrEqualTo(Duration.ofMillis(300)));
            assertThat(sleeps.subList(2, 6))
                    .allSatisfy(sleep -> assertThat(sleep).isGreaterThanOrEqualTo(Duration.ofMillis(225)));
        }
    }

    @Test
    void lostAnswerToARepeatableCallIsRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, shapes.versionJson("skill_01", "1")));

        assertThat(client.getVersion(KEY, "skill_01", "1").version()).isEqualTo("1");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void lostAnswerToACreateIsNotRepeated() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, shapes.versionJson("skill_01", "1")));

        SkillsApiException e = failureOf(
                () -> client.createVersion(KEY, "skill_01", List.of(new UploadFile("x/SKILL.md", new byte[1]))));

        assertThat(e.status()).isZero();
        assertThat(RetryPolicy.isRetryableStatus(e.status())).isTrue();
        assertThat(e.getMessage()).startsWith("Skills API POST /v1/skills/skill_01/versions got no answer");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void createIsRetriedWhenItCouldNotConnect() throws Exception {
        MockWebServer gone = new MockWebServer();
        gone.start();
        SkillsApiSettings settings = SkillsApiFixtures.settings(gone);
        gone.shutdown();
        try (SkillsApiClient unreachable = new SkillsApiClient(settings, shapes.dialect(), time)) {

            SkillsApiException e = failureOf(
                    () -> unreachable.createSkill(KEY, "x", List.of(new UploadFile("x/SKILL.md", new byte[1]))));

            assertThat(e.status()).isZero();
            assertThat(sleeps).hasSize(3);
        }
    }

    @Test
    void eachRetryIsLoggedWithCallStatusRequestIdAndAttempt() {
        server.enqueue(error(429, "rate_limit_error", "slow down")
                .setHeader("request-id", "req_abc")
                .setHeader("retry-after-ms", "10"));
        server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

        try (LogCapture logs = new LogCapture()) {
            client.getSkill(KEY, "skill_01");

            assertThat(logs.lines())
                    .anySatisfy(line ->
                            assertThat(line).contains("GET /v1/skills/skill_01", "429", "req_abc", "retry 1 of 3"));
        }
    }

    @Test
    void noPermitIsHeldWhileWaitingToRetry() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        SkillsApiSettings base = SkillsApiFixtures.settings(server);
        SkillsApiSettings onePermit = new SkillsApiSettings(
                base.baseUrl(),
                base.connectTimeout(),
                base.callTimeout(),
                1,
                base.initialBackoff(),
                base.maxBackoff(),
                1,
                base.maxDownloadBytes());
        AtomicInteger firstSkillCalls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().endsWith("/first") && firstSkillCalls.getAndIncrement() == 0) {
                    return error(503, "overloaded_error", "later");
                }
                return json(200, shapes.skillJson("skill", "x", "1"));
            }
        });
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SkillsApiClient limited = new SkillsApiClient(onePermit, shapes.dialect(), new ManualTime(delay -> {
            sleeping.countDown();
            wake.await();
        }))) {
            Future<RemoteSkill> first = executor.submit(() -> limited.getSkill(KEY, "first"));
            assertThat(sleeping.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(limited.getSkill(KEY, "second").id()).isEqualTo("skill");

            wake.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).id()).isEqualTo("skill");
        } finally {
            executor.shutdownNow();
        }
    }
}
