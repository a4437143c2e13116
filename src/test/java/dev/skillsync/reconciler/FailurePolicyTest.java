package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skillsync.content.InvalidContentException;
import dev.skillsync.credentials.MissingApiKeyException;
import dev.skillsync.failure.SkillFailure;
import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.fake.Fault;
import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillStatus;
import dev.skillsync.skillsapi.ApiCallObserver;
import dev.skillsync.skillsapi.ApiKey;
import dev.skillsync.skillsapi.BetaDialect;
import dev.skillsync.skillsapi.SkillsApiClient;
import dev.skillsync.skillsapi.SkillsApiException;
import dev.skillsync.skillsapi.SkillsApiSettings;
import dev.skillsync.source.SourceException;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How each failure becomes what the user sees. Skills API failures are real ones: the client's answer to an error
 * the fake Skills API was told to give, since the exception is built only by the client.
 */
class FailurePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration RATE_LIMITED_FLOOR = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final ApiKey KEY = ApiKey.of(FakeSkillsApi.DEFAULT_KEY);

    private static FakeSkillsApi fake;

    private final FailurePolicy policy =
            new FailurePolicy(new RetryBackoff(MIN_BACKOFF, MAX_BACKOFF), RATE_LIMITED_FLOOR);

    @BeforeAll
    static void start() {
        fake = FakeSkillsApi.start();
    }

    /**
     * A client of its own for each failure: a 429 or 5xx that asks for a wait pauses every call of a client, which
     * would leave the next test's call unsent.
     */
    private static SkillsApiClient newClient() {
        return new SkillsApiClient(
                new SkillsApiSettings(
                        fake.baseUrl(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        0,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        4,
                        1024 * 1024),
                new BetaDialect(),
                ApiCallObserver.NONE);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void aFailureNeedingAPersonStallsAndIsLookedAtAgainAtTheInterval() {
        SkillFailure failure = SkillFailure.needsPerson(SkillConditions.TITLE_CONFLICT, "title taken by skill_9");

        FailureVerdict verdict = policy.judge(failure, failingFor(Duration.ofMinutes(1)), INTERVAL, NOW);

        assertThat(verdict)
                .isEqualTo(
                        new FailureVerdict(SkillConditions.TITLE_CONFLICT, "title taken by skill_9", true, INTERVAL));
    }

    @Test
    void failuresTypedWhereTheyAriseKeepTheirReasonAndStalling() {
        List<SkillFailure> failures = List.of(
                new InvalidContentException("SKILL.md lacks a name"),
                new SourceException(SourceException.Kind.INVALID_CONTENT, "artifact has no layer"),
                new SourceException(SourceException.Kind.NOT_FOUND, "ConfigMap pdf not found"),
                new SourceException(SourceException.Kind.SECRET_NOT_FOUND, "Secret pull not found"),
                new SourceException(SourceException.Kind.UNAUTHORIZED, "registry said 401"),
                new MissingApiKeyException("Secret anthropic not found"));

        List<FailureVerdict> verdicts = failures.stream()
                .map(failure -> policy.judge(failure, null, INTERVAL, NOW))
                .toList();

        assertThat(verdicts)
                .containsExactly(
                        new FailureVerdict(SkillConditions.INVALID_CONTENT, "SKILL.md lacks a name", true, INTERVAL),
                        new FailureVerdict(SkillConditions.INVALID_CONTENT, "artifact has no layer", true, INTERVAL),
                        new FailureVerdict(
                                SkillConditions.SOURCE_NOT_FOUND, "ConfigMap pdf not found", false, MIN_BACKOFF),
                        new FailureVerdict(
                                SkillConditions.SOURCE_NOT_FOUND, "Secret pull not found", false, MIN_BACKOFF),
                        new FailureVerdict(
                                SkillConditions.AUTHENTICATION_FAILED, "registry said 401", false, MIN_BACKOFF),
                        new FailureVerdict(
                                SkillConditions.AUTHENTICATION_FAILED,
                                "no API key: Secret anthropic not found",
                                false,
                                MIN_BACKOFF));
    }

    @Test
    void aRetryableFailureWaitsTheBackoffForHowLongTheSkillHasFailed() {
        SkillFailure failure = SkillFailure.retryable(SkillConditions.API_ERROR, "could not read version 1", null);

        FailureVerdict verdict = policy.judge(failure, failingFor(Duration.ofSeconds(90)), INTERVAL, NOW);

        assertThat(verdict)
                .isEqualTo(new FailureVerdict(
                        SkillConditions.API_ERROR, "could not read version 1", false, Duration.ofSeconds(90)));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aRejectedApiKeyStallsAsAnAuthenticationFailure(int status) {
        SkillsApiException e =
                apiFailure(Fault.on("GET", "/v1/skills/skill_1").status(status).build());

        FailureVerdict verdict = policy.judge(e, failingFor(Duration.ofMinutes(1)), INTERVAL, NOW);

        assertThat(verdict.reason()).isEqualTo(SkillConditions.AUTHENTICATION_FAILED);
        assertThat(verdict.stalled()).isTrue();
        assertThat(verdict.retryAfter()).isEqualTo(INTERVAL);
        assertThat(verdict.message()).contains(e.getMessage(), "Secret", "skillsync.dev/reconcile-requested-at");
    }

    @Test
    void rateLimitingWaitsAtLeastTheRateLimitedFloor() {
        SkillsApiException e =
                apiFailure(Fault.on("GET", "/v1/skills/skill_1").status(429).build());

        FailureVerdict verdict = policy.judge(e, null, INTERVAL, NOW);

        assertThat(verdict)
                .isEqualTo(new FailureVerdict(
                        SkillConditions.RATE_LIMITED,
                        "the Skills API is rate limiting requests: " + e.getMessage() + "; retrying in 30s",
                        false,
                        RATE_LIMITED_FLOOR));
    }

    @Test
    void rateLimitingWaitsTheBackoffWhenItIsLonger() {
        SkillsApiException e =
                apiFailure(Fault.on("GET", "/v1/skills/skill_1").status(429).build());

        FailureVerdict verdict = policy.judge(e, failingFor(Duration.ofSeconds(200)), INTERVAL, NOW);

        assertThat(verdict.reason()).isEqualTo(SkillConditions.RATE_LIMITED);
        assertThat(verdict.stalled()).isFalse();
        assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(200));
    }

    @Test
    void rateLimitingWaitsWhatTheServerAskedWhenItIsLongest() {
        SkillsApiException e = apiFailure(Fault.on("GET", "/v1/skills/skill_1")
                .status(429)
                .header("retry-after", "120")
                .build());

        FailureVerdict verdict = policy.judge(e, failingFor(Duration.ofSeconds(60)), INTERVAL, NOW);

        assertThat(verdict.reason()).isEqualTo(SkillConditions.RATE_LIMITED);
        assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(verdict.message()).endsWith("; retrying in 120s");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 413, 422})
    void aRefusedUploadStallsAsInvalidContent(int status) {
        SkillsApiException e =
                apiFailure(Fault.on("GET", "/v1/skills/skill_1").status(status).build());

        FailureVerdict verdict = policy.judge(e, failingFor(Duration.ofMinutes(1)), INTERVAL, NOW);

        assertThat(verdict)
                .isEqualTo(new FailureVerdict(
                        SkillConditions.INVALID_CONTENT,
                        "the Skills API refused the skill: " + e.getMessage() + "; fix the skill files",
                        true,
                        INTERVAL));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 529})
    void aServerErrorIsRetriedAfterTheBackoff(int status) {
        SkillsApiException e =
                apiFailure(Fault.on("GET", "/v1/skills/skill_1").status(status).build());

        FailureVerdict verdict = policy.judge(e, failingFor(Duration.ofSeconds(45)), INTERVAL, NOW);

        assertThat(verdict)
                .isEqualTo(new FailureVerdict(
                        SkillConditions.API_ERROR,
                        "Skills API call failed: " + e.getMessage() + "; retrying in 45s",
                        false,
                        Duration.ofSeconds(45)));
    }

    @Test
    void aServerErrorIsRetriedNoSoonerThanTheServerAsked() {
        SkillsApiException e = apiFailure(Fault.on("GET", "/v1/skills/skill_1")
                .status(503)
                .header("retry-after", "90")
                .build());

        FailureVerdict verdict = policy.judge(e, failingFor(Duration.ofSeconds(45)), INTERVAL, NOW);

        assertThat(verdict.reason()).isEqualTo(SkillConditions.API_ERROR);
        assertThat(verdict.stalled()).isFalse();
        assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void noAnswerAtAllIsAnApiErrorRetried() {
        fake.loseNextResponse("GET", "/v1/skills/skill_1");
        SkillsApiException e;
        try (SkillsApiClient client = newClient()) {
            e = catchThrowableOfType(() -> client.getSkill(KEY, "skill_1"), SkillsApiException.class);
        }
        assertThat(e.status()).isZero();

        FailureVerdict verdict = policy.judge(e, null, INTERVAL, NOW);

        assertThat(verdict.reason()).isEqualTo(SkillConditions.API_ERROR);
        assertThat(verdict.stalled()).isFalse();
        assertThat(verdict.retryAfter()).isEqualTo(MIN_BACKOFF);
    }

    @Test
    void anUnforeseenFailureIsAnApiErrorRetried() {
        FailureVerdict verdict = policy.judge(
                new IllegalStateException("the Kubernetes API timed out"),
                failingFor(Duration.ofSeconds(20)),
                INTERVAL,
                NOW);

        assertThat(verdict)
                .isEqualTo(new FailureVerdict(
                        SkillConditions.API_ERROR,
                        "sync failed: the Kubernetes API timed out",
                        false,
                        Duration.ofSeconds(20)));
    }

    @Test
    void aBlockedDeletionIsRetriedWithBackoffWhateverTheCauseAndNamesTheWayOut() {
        SkillFailure needsPerson =
                SkillFailure.needsPerson(SkillConditions.AMBIGUOUS_CREATE, "two skills could be ours");

        FailureVerdict verdict = policy.deletionBlocked(needsPerson, failingFor(Duration.ofSeconds(75)), NOW);

        assertThat(verdict)
                .isEqualTo(new FailureVerdict(
                        SkillConditions.DELETION_BLOCKED,
                        "cannot delete the remote skill: two skills could be ours; fix the cause, or set "
                                + "spec.deletionPolicy to Orphan to delete this Skill and keep the remote skill",
                        false,
                        Duration.ofSeconds(75)));
    }

    @Test
    void aBlockedDeletionByTheApiIsRetriedWithBackoffToo() {
        SkillsApiException e =
                apiFailure(Fault.on("GET", "/v1/skills/skill_1").status(401).build());

        FailureVerdict verdict = policy.deletionBlocked(e, null, NOW);

        assertThat(verdict.reason()).isEqualTo(SkillConditions.DELETION_BLOCKED);
        assertThat(verdict.stalled()).isFalse();
        assertThat(verdict.retryAfter()).isEqualTo(MIN_BACKOFF);
        assertThat(verdict.message()).contains(e.getMessage());
    }

    /** The exception the client throws when the fake answers its next call with this fault. */
    private static SkillsApiException apiFailure(Fault fault) {
        fake.injectFault(fault);
        SkillsApiException e;
        try (SkillsApiClient client = newClient()) {
            e = catchThrowableOfType(() -> client.getSkill(KEY, "skill_1"), SkillsApiException.class);
        }
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(fault.status());
        return e;
    }

    /** A status whose Ready condition turned False this long before {@link #NOW}. */
    static SkillStatus failingFor(Duration failingFor) {
        SkillStatus status = new SkillStatus();
        status.getConditions()
                .add(new ConditionBuilder()
                        .withType(SkillConditions.READY)
                        .withStatus("False")
                        .withReason(SkillConditions.API_ERROR)
                        .withLastTransitionTime(NOW.minus(failingFor).toString())
                        .build());
        return status;
    }
}
