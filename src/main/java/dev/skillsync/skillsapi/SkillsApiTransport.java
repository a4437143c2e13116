package dev.skillsync.skillsapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Sends one request to the Skills API with the key and fixed headers, under the process-wide limit on calls in
 * flight, and retries it as the {@link RetryPolicy} allows. Nothing here knows the API's resources.
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
    private final ErrorAnswers errors;
    private final ApiCallObserver observer;

    SkillsApiTransport(SkillsApiSettings settings, Map<String, String> dialectHeaders, RetryPolicy retryPolicy,
            Sleeper sleeper, ObjectMapper json, ApiCallObserver observer) {
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
        this.errors = new ErrorAnswers(json);
    }

    /**
     * The most of a successful answer's body that is read.
     *
     * @param origin what sets the limit, named when an answer exceeds it
     */
    record BodyLimit(long bytes, String origin) {
    }

    /** A successful answer. */
    record Answer(int status, String requestId, byte[] body) {
    }

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
                failure = errors.read(exchange.status(), exchange.headers(), exchange.body(), key,
                        requested.orElse(null));
                delay = delayAfterAnswer(call, retry, exchange, requested, failure);
            } catch (IOException e) {
                String reason = key.redactFrom(String.valueOf(e.getMessage()));
                failure = SkillsApiException.noAnswer(call, reason, e);
                boolean mayRepeat = idempotent || e instanceof ConnectException || e instanceof UnknownHostException;
                delay = mayRepeat && retry <= retryPolicy.maxRetries() ? retryPolicy.backoff(retry) : null;
                if (delay != null) {
                    LOG.infof("Skills API %s got no answer (%s); retry %d of %d in %d ms", call, reason, retry,
                            retryPolicy.maxRetries(), delay.toMillis());
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
    private Duration delayAfterAnswer(String call, int retry, Exchange exchange, Optional<Duration> requested,
            SkillsApiException failure) {
        if (retry > retryPolicy.maxRetries() || !retryPolicy.isRetryable(exchange.status(), exchange.headers())) {
            return null;
        }
        if (requested.isPresent() && requested.get().compareTo(retryPolicy.maxBackoff()) > 0) {
            // Waiting here would hold up the caller; the exception carries the wait for it to reschedule.
            LOG.infof("Skills API %s answered %d (request-id %s) and asked for a wait of %d ms, longer than the"
                    + " maximum backoff; not retrying now", call, exchange.status(), failure.requestId(),
                    requested.get().toMillis());
            return null;
        }
        Duration delay = requested.orElseGet(() -> retryPolicy.backoff(retry));
        LOG.infof("Skills API %s answered %d (request-id %s); retry %d of %d in %d ms", call, exchange.status(),
                failure.requestId(), retry, retryPolicy.maxRetries(), delay.toMillis());
        return delay;
    }

    /** One HTTP attempt, holding a permit of the concurrency limit until its body is read. */
    private Exchange exchange(Request request, String call, String operation, BodyLimit limit)
            throws IOException, InterruptedException {
        permits.acquire();
        long started = System.nanoTime();
        int status = 0;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                return new Exchange(status, response.headers(), readUpTo(body, ERROR_BODY_LIMIT));
            }
            if (body.contentLength() > limit.bytes() || !fitsWithin(body.source(), limit.bytes())) {
                throw SkillsApiException.unusableAnswer(status, response.header("request-id"), call,
                        "its body is larger than the limit of " + limit.bytes() + " bytes (" + limit.origin() + ")");
            }
            return new Exchange(status, response.headers(), body.source().readByteArray());
        } finally {
            permits.release();
            observer.attempted(operation, status, Duration.ofNanos(System.nanoTime() - started));
        }
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
        return source.getBuffer().readByteArray(Math.min(limit, source.getBuffer().size()));
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
