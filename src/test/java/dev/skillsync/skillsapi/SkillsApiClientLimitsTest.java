package dev.skillsync.skillsapi;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static dev.skillsync.skillsapi.SkillsApiFixtures.failureOf;
import static dev.skillsync.skillsapi.SkillsApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The call timeout, the limit on calls in flight and the limit on answer size. */
@Timeout(30)
@ParameterizedClass
@EnumSource(WireShapes.class)
class SkillsApiClientLimitsTest {

    @Parameter
    WireShapes shapes;

    private final ManualTime time = new ManualTime();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private SkillsApiClient client(
            Duration callTimeout, int maxRetries, int maxConcurrentRequests, long maxDownloadBytes) {
        return new SkillsApiClient(
                new SkillsApiSettings(
                        server.url("/").toString(),
                        Duration.ofSeconds(5),
                        callTimeout,
                        maxRetries,
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        maxConcurrentRequests,
                        maxDownloadBytes),
                shapes.dialect(),
                time);
    }

    @Test
    void serverThatNeverAnswersEndsInStatusZero() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        try (SkillsApiClient client = client(Duration.ofMillis(300), 0, 4, 1024)) {
            SkillsApiException e = failureOf(() -> client.getSkill(KEY, "skill_01"));

            assertThat(e.status()).isZero();
            assertThat(RetryPolicy.isRetryableStatus(e.status())).isTrue();
            assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
            assertThat(e.getMessage()).isEqualTo("Skills API GET /v1/skills/skill_01 got no answer: timeout");
        }
    }

    @Test
    void timedOutReadIsRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

        try (SkillsApiClient client = client(Duration.ofMillis(300), 1, 4, 1024)) {
            assertThat(client.getSkill(KEY, "skill_01").id()).isEqualTo("skill_01");
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(time.sleeps()).hasSize(1);
        }
    }

    @Test
    void noMoreCallsThanTheLimitAreInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Semaphore gate = new Semaphore(0);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                gate.acquire();
                inFlight.decrementAndGet();
                return json(200, shapes.skillJson("skill_01", "x", "1"));
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (SkillsApiClient client = client(Duration.ofSeconds(20), 0, 2, 1024)) {
            List<Future<RemoteSkill>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(callers.submit(() -> client.getSkill(KEY, "skill_01")));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == 2);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> inFlight.get() == 2);
            gate.release(6);

            for (Future<RemoteSkill> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS).id()).isEqualTo("skill_01");
            }
            assertThat(mostInFlight.get()).isEqualTo(2);
            assertThat(server.getRequestCount()).isEqualTo(6);
        } finally {
            gate.release(100);
            callers.shutdownNow();
        }
    }

    @Test
    void downloadUpToTheLimitIsReturned() {
        server.enqueue(new MockResponse().setBody(new Buffer().write(new byte[1024])));

        try (SkillsApiClient client = client(Duration.ofSeconds(10), 0, 4, 1024)) {
            assertThat(client.downloadVersion(KEY, "skill_01", "1"))
                    .hasValueSatisfying(zip -> assertThat(zip).hasSize(1024));
        }
    }

    @Test
    void downloadOverTheLimitIsRefusedByItsLength() {
        server.enqueue(new MockResponse().setBody(new Buffer().write(new byte[1025])));

        try (SkillsApiClient client = client(Duration.ofSeconds(10), 3, 4, 1024)) {
            SkillsApiException e = failureOf(() -> client.downloadVersion(KEY, "skill_01", "1"));

            assertThat(e.status()).isEqualTo(200);
            assertThat(RetryPolicy.isRetryableStatus(e.status())).isFalse();
            assertThat(e.getMessage())
                    .isEqualTo(
                            "Skills API GET /v1/skills/skill_01/versions/1/content answered"
                                    + " 200 but its body is larger than the limit of 1024 bytes (skillsync.content.max-upload-size)");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void downloadOverTheLimitIsRefusedWithoutADeclaredLength() {
        server.enqueue(new MockResponse().setChunkedBody(new Buffer().write(new byte[5000]), 100));

        try (SkillsApiClient client = client(Duration.ofSeconds(10), 3, 4, 1024)) {
            SkillsApiException e = failureOf(() -> client.downloadVersion(KEY, "skill_01", "1"));

            assertThat(e.getMessage()).contains("larger than the limit of 1024 bytes");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }
}
