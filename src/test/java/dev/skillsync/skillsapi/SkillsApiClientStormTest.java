package dev.skillsync.skillsapi;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static dev.skillsync.skillsapi.SkillsApiFixtures.error;
import static dev.skillsync.skillsapi.SkillsApiFixtures.failureOf;
import static dev.skillsync.skillsapi.SkillsApiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A 429 or a 5xx that asks for a wait slows the whole process, not one call; an API that is down is named. */
@Timeout(60)
@ParameterizedClass
@EnumSource(WireShapes.class)
class SkillsApiClientStormTest {

    @Parameter
    WireShapes shapes;

    private static final int PERMITS = 3;

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

    /** @param maxRetries retries of one call; the concurrency limit is {@link #PERMITS} */
    private SkillsApiSettings settings(int maxRetries) {
        return new SkillsApiSettings(
                server.url("/").toString(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                maxRetries,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                PERMITS,
                1024 * 1024);
    }

    private record Received(long nanos, int status) {}

    @Test
    void duringAStormNoMoreCallsThanTheConcurrencyLimitReachTheApiPerRequestedWait() throws Exception {
        Duration wait = Duration.ofMillis(150);
        int stormCalls = 8 * PERMITS;
        AtomicInteger count = new AtomicInteger();
        List<Received> received = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long now = System.nanoTime();
                boolean storm = count.incrementAndGet() <= stormCalls;
                received.add(new Received(now, storm ? 429 : 200));
                return storm
                        ? error(429, "rate_limit_error", "slow down")
                                .setHeader("retry-after-ms", Long.toString(wait.toMillis()))
                        : json(200, shapes.skillJson("skill_01", "x", "1"));
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(4 * PERMITS);
        // Real time: the gate's waits and the retries' sleeps are what is under test.
        try (SkillsApiClient client =
                new SkillsApiClient(settings(stormCalls), shapes.dialect(), ApiCallObserver.NONE)) {
            List<Future<RemoteSkill>> calls = IntStream.range(0, 4 * PERMITS)
                    .mapToObj(i -> callers.submit(() -> client.getSkill(KEY, "skill_" + i)))
                    .toList();
            for (Future<RemoteSkill> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).id()).isEqualTo("skill_01");
            }
        } finally {
            callers.shutdownNow();
        }

        // The storm's calls are those it answered 429. The round in which it ends mixes 429s and 200s, and a 200
        // frees its permit before the round's 429s close the gate: that next call comes after the storm.
        assertThat(received)
                .filteredOn(r -> r.status() == 429)
                .hasSize(stormCalls)
                .allSatisfy(limited -> assertThat(received)
                        .filteredOn(r -> r.status() == 429
                                && r.nanos() >= limited.nanos()
                                && r.nanos() < limited.nanos() + wait.toNanos())
                        .hasSizeLessThanOrEqualTo(PERMITS));
    }

    @Test
    void aCallAlreadyOutWhenTheGateClosesHoldsTheNextCallsUntilItIsAnswered() throws Exception {
        CountDownLatch heldArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean heldAnswered = new AtomicBoolean();
        AtomicReference<Boolean> retrySawHeldAnswered = new AtomicReference<>();
        AtomicInteger heldCalls = new AtomicInteger();
        AtomicInteger otherCalls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().endsWith("/held") && heldCalls.getAndIncrement() == 0) {
                    heldArrived.countDown();
                    release.await(20, TimeUnit.SECONDS);
                    heldAnswered.set(true);
                    return error(429, "rate_limit_error", "slow down").setHeader("retry-after", "3");
                }
                if (request.getPath().endsWith("/other") && otherCalls.getAndIncrement() == 0) {
                    return error(429, "rate_limit_error", "slow down").setHeader("retry-after", "1");
                }
                if (request.getPath().endsWith("/other")) {
                    retrySawHeldAnswered.compareAndSet(null, heldAnswered.get());
                }
                return json(200, shapes.skillJson("skill_01", "x", "1"));
            }
        });
        ManualTime time = new ManualTime();
        ExecutorService held = Executors.newSingleThreadExecutor();
        AtomicReference<Thread> otherThread = new AtomicReference<>();
        ExecutorService other = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable);
            otherThread.set(thread);
            return thread;
        });
        try (SkillsApiClient client = new SkillsApiClient(settings(2), shapes.dialect(), time)) {
            Future<RemoteSkill> heldCall = held.submit(() -> client.getSkill(KEY, "held"));
            assertThat(heldArrived.await(10, TimeUnit.SECONDS)).isTrue();

            Future<RemoteSkill> otherCall = other.submit(() -> client.getSkill(KEY, "other"));
            // Its retry either reaches the server (a call sent while the gate is closed) or waits at the gate.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> otherCalls.get() == 2
                            || otherThread.get() != null && otherThread.get().getState() == Thread.State.WAITING);
            release.countDown();

            assertThat(heldCall.get(10, TimeUnit.SECONDS).id()).isEqualTo("skill_01");
            assertThat(otherCall.get(10, TimeUnit.SECONDS).id()).isEqualTo("skill_01");
            assertThat(retrySawHeldAnswered.get()).isTrue();
            assertThat(time.sleeps()).contains(Duration.ofSeconds(1), Duration.ofSeconds(3));
        } finally {
            held.shutdownNow();
            other.shutdownNow();
        }
    }

    @Test
    void aWaitLongerThanTheMaximumBackoffStopsOtherCallsWithoutSendingThem() throws Exception {
        server.enqueue(error(429, "rate_limit_error", "slow down").setHeader("retry-after", "60"));
        server.enqueue(json(200, shapes.skillJson("skill_02", "x", "1")));
        ManualTime time = new ManualTime();
        try (SkillsApiClient client = new SkillsApiClient(settings(3), shapes.dialect(), time)) {
            failureOf(() -> client.getSkill(KEY, "skill_01"));

            SkillsApiException notSent = failureOf(() -> client.getSkill(KEY, "skill_02"));

            assertThat(notSent.isRateLimited()).isTrue();
            assertThat(notSent.retryAfter()).contains(Duration.ofSeconds(60));
            assertThat(notSent.getMessage()).contains("GET /v1/skills/skill_02 not sent", "60s");
            assertThat(server.getRequestCount()).isEqualTo(1);

            time.sleep(Duration.ofSeconds(60));
            assertThat(client.getSkill(KEY, "skill_02").id()).isEqualTo("skill_02");
        }
    }

    @Test
    void aServerErrorThatAsksForAWaitPausesEveryCallAndOneWithoutDoesNot() {
        server.enqueue(error(503, "overloaded_error", "later").setHeader("retry-after", "2"));
        server.enqueue(json(200, shapes.skillJson("skill_02", "x", "1")));
        server.enqueue(error(500, "api_error", "boom"));
        server.enqueue(json(200, shapes.skillJson("skill_04", "x", "1")));
        ManualTime time = new ManualTime();
        try (SkillsApiClient client = new SkillsApiClient(settings(0), shapes.dialect(), time)) {
            assertThat(failureOf(() -> client.getSkill(KEY, "skill_01")).status())
                    .isEqualTo(503);

            assertThat(client.getSkill(KEY, "skill_02").id()).isEqualTo("skill_02");
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));

            assertThat(failureOf(() -> client.getSkill(KEY, "skill_03")).status())
                    .isEqualTo(500);
            assertThat(client.getSkill(KEY, "skill_04").id()).isEqualTo("skill_04");
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
        }
    }

    @Test
    void aRefusedConnectionNamesTheBaseUrl() throws Exception {
        SkillsApiSettings unreachable = settings(1);
        server.shutdown();
        try (SkillsApiClient client = new SkillsApiClient(unreachable, shapes.dialect(), new ManualTime())) {
            SkillsApiException e = failureOf(() -> client.listSkills(KEY));

            assertThat(e.status()).isZero();
            assertThat(e.getMessage())
                    .contains("could not connect to " + unreachable.baseUrl())
                    .containsIgnoringCase("connection refused");
        }
    }
}
