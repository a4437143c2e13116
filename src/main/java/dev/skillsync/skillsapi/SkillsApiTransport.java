package dev.skillsync.skillsapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jboss.logging.Logger;

/**
 * Sends one request to the Skills API with the key and fixed headers, under the process-wide limit on calls in
 * flight and the process-wide {@link PauseGate}, and retries it as the {@link RetryPolicy} allows. Nothing here knows
 * the API's resources.
 */
final class SkillsApiTransport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SkillsApiTransport.class);

    static final String API_VERSION = "2023-06-01";
    static final String USER_AGENT = "skillsync-operator";

    /** Error bodies are short; more than this is not worth reading. */
    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    private static final Pattern SKILL_ID = Pattern.compile("^(/v1/skills)/[^/]+");
    private static final Pattern VERSION = Pattern.compile("(/versions)/[^/]+");

    private final OkHttpClient http;
    private final Map<String, String> dialectHeaders;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Semaphore permits;
    private final PauseGate pauses;
    private final ErrorAnswers errors;
    /** The base URL as messages name it: without user info, which could hold a credential. */
    private final String baseUrl;

    private final ApiCallObserver observer;

    SkillsApiTransport(
            SkillsApiSettings settings,
            Map<String, String> dialectHeaders,
            RetryPolicy retryPolicy,
            Sleeper sleeper,
            ObjectMapper json,
            ApiCallObserver observer) {
        this.observer = observer;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .callTimeout(settings.callTimeout())
                // The call timeout bounds a whole call, a large upload or a slow answer included.
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                // A redirect would carry the x-api-key header to wherever it points.
                .followRedirects(false)
                .followSslRedirects(false)
                // Every retry is this class's: counted, logged, and never a silent second create.
                .retryOnConnectionFailure(false)
                .build();
        this.dialectHeaders = Map.copyOf(dialectHeaders);
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.permits = new Semaphore(settings.maxConcurrentRequests(), true);
        this.pauses = new PauseGate(sleeper);
        this.errors = new ErrorAnswers(json);
        this.baseUrl = HttpUrl.get(settings.baseUrl())
                .newBuilder()
                .username("")
                .password("")
                .build()
                .toString();
    }

    /**
     * The most of a successful answer's body that is read.
     *
     * @param origin what sets the limit, named when an answer exceeds it
     */
    record BodyLimit(long bytes, String origin) {}

    /** A successful answer. */
    record Answer(int status, String requestId, byte[] body) {}

    /** An answer of any status, its body read. */
    private record Exchange(int status, Headers headers, byte[] body) {
        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Sends the request until it succeeds or may not be retried.
     *
     * @param idempotent whether sending it twice does no harm; a request that is not is sent again only when the
     *                   previous attempt could not connect, as the server may have acted on it otherwise
     * @throws SkillsApiException for an error answer, an unusable answer or no answer
     */
    Answer send(ApiKey key, Request request, boolean idempotent, BodyLimit limit) {
        Request.Builder withHeaders = request.newBuilder()
                .header("x-api-key", key.reveal())
                .header("anthropic-version", API_VERSION)
                .header("user-agent", USER_AGENT);
        dialectHeaders.forEach(withHeaders::header);
        if (key.workspaceId() != null) {
            withHeaders.header("anthropic-workspace-id", key.workspaceId());
        }
        Request sent = withHeaders.build();
        String call = call(request);
        String operation = operation(request);

        for (int retry = 1; ; retry++) {
            Duration delay;
            SkillsApiException failure;
            try {
                Exchange exchange = exchange(sent, call, operation, limit);
                if (exchange.successful()) {
                    return new Answer(exchange.status(), exchange.headers().get("request-id"), exchange.body());
                }
                Optional<Duration> requested = retryPolicy.requestedDelay(exchange.headers());
                failure = errors.read(
                        exchange.status(), exchange.headers(), exchange.body(), key, requested.orElse(null));
                delay = delayAfterAnswer(call, retry, exchange, requested, failure);
            } catch (IOException e) {
                String reason = key.redactFrom(noAnswerReason(e));
                failure = SkillsApiException.noAnswer(call, reason, e);
                boolean mayRepeat = idempotent || e instanceof ConnectException || e instanceof UnknownHostException;
                delay = mayRepeat && retry <= retryPolicy.maxRetries() ? retryPolicy.backoff(retry) : null;
                if (delay != null) {
                    LOG.infof(
                            "Skills API %s got no answer (%s); retry %d of %d in %d ms",
                            call, reason, retry, retryPolicy.maxRetries(), delay.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SkillsApiException.noAnswer(call, "interrupted while waiting for a free connection", e);
            }
            if (delay == null) {
                throw failure;
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.addSuppressed(e);
                throw failure;
            }
        }
    }

    /** The wait before retrying after an error answer, null when it is not retried. */
    private Duration delayAfterAnswer(
            String call, int retry, Exchange exchange, Optional<Duration> requested, SkillsApiException failure) {
        if (retry > retryPolicy.maxRetries() || !retryPolicy.isRetryable(exchange.status(), exchange.headers())) {
            return null;
        }
        if (requested.isPresent() && requested.get().compareTo(retryPolicy.maxBackoff()) > 0) {
            // Waiting here would hold up the caller; the exception carries the wait for it to reschedule.
            LOG.infof(
                    "Skills API %s answered %d (request-id %s) and asked for a wait of %d ms, longer than the"
                            + " maximum backoff; not retrying now",
                    call,
                    exchange.status(),
                    failure.requestId(),
                    requested.get().toMillis());
            return null;
        }
        Duration delay = requested.orElseGet(() -> retryPolicy.backoff(retry));
        LOG.infof(
                "Skills API %s answered %d (request-id %s); retry %d of %d in %d ms",
                call, exchange.status(), failure.requestId(), retry, retryPolicy.maxRetries(), delay.toMillis());
        return delay;
    }

    /**
     * One HTTP attempt, holding a permit of the concurrency limit until its body is read. It passes the pause gate
     * after taking the permit, and reports its answer to the gate before giving the permit back, so that no call can
     * take the permit and pass between an answer that asks for a pause and the gate closing.
     *
     * @throws SkillsApiException without sending, when the API asked every call to wait longer than the maximum
     *                            backoff; the caller reschedules after that wait
     */
    private Exchange exchange(Request request, String call, String operation, BodyLimit limit)
            throws IOException, InterruptedException {
        permits.acquire();
        try {
            awaitPause(call);
            long started = System.nanoTime();
            int status = 0;
            Optional<Duration> pause = Optional.empty();
            try (Response response = http.newCall(request).execute()) {
                status = response.code();
                pause = retryPolicy.pauseAskedBy(status, response.headers());
                ResponseBody body = response.body();
                if (!response.isSuccessful()) {
                    return new Exchange(status, response.headers(), readUpTo(body, ERROR_BODY_LIMIT));
                }
                if (body.contentLength() > limit.bytes() || !fitsWithin(body.source(), limit.bytes())) {
                    throw SkillsApiException.unusableAnswer(
                            status,
                            response.header("request-id"),
                            call,
                            "its body is larger than the limit of " + limit.bytes() + " bytes (" + limit.origin()
                                    + ")");
                }
                return new Exchange(status, response.headers(), body.source().readByteArray());
            } finally {
                pauses.answered(status, pause);
                observer.attempted(operation, status, Duration.ofNanos(System.nanoTime() - started));
            }
        } finally {
            permits.release();
        }
    }

    /** Waits, holding the permit, until the gate lets the call pass; gives up when the wait is too long. */
    private void awaitPause(String call) throws InterruptedException {
        for (Optional<PauseGate.Closed> closed = pauses.tryPass(); closed.isPresent(); closed = pauses.tryPass()) {
            Duration remaining = closed.get().remaining();
            if (remaining.compareTo(retryPolicy.maxBackoff()) > 0) {
                throw SkillsApiException.paused(call, closed.get().status(), remaining);
            }
            sleeper.sleep(remaining);
        }
    }

    /** What went wrong when no answer came; a refused connection names the base URL it was for. */
    private String noAnswerReason(IOException e) {
        if (e instanceof ConnectException) {
            Throwable innermost = e;
            while (innermost.getCause() != null) {
                innermost = innermost.getCause();
            }
            String cause = innermost.getMessage() != null
                    ? innermost.getMessage()
                    : innermost.getClass().getSimpleName();
            return "could not connect to " + baseUrl + " (" + cause + ")";
        }
        return String.valueOf(e.getMessage());
    }

    /** The call as messages name it: method and path. */
    static String call(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }

    /** The call without its identifiers, so that metrics have one series per operation, not per skill. */
    static String operation(Request request) {
        String path = SKILL_ID.matcher(request.url().encodedPath()).replaceFirst("$1/{id}");
        path = VERSION.matcher(path).replaceFirst("$1/{version}");
        return request.method() + " " + path;
    }

    /** Buffers the whole body unless it is longer than {@code limit}. */
    private static boolean fitsWithin(BufferedSource source, long limit) throws IOException {
        return !source.request(limit + 1);
    }

    private static byte[] readUpTo(ResponseBody body, long limit) throws IOException {
        BufferedSource source = body.source();
        source.request(limit);
        return source.getBuffer()
                .readByteArray(Math.min(limit, source.getBuffer().size()));
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
