package dev.skillsync.skillsapi;

import java.time.Duration;
import java.util.Optional;

/**
 * A Skills API call that failed: an error answer, no answer at all (status 0), or an answer the client cannot use.
 * Its message never holds the API key.
 */
public class SkillsApiException extends RuntimeException {

    private final int status;
    private final String errorType;
    private final String apiMessage;
    private final String requestId;
    private final Duration retryAfter;

    private SkillsApiException(
            int status, String errorType, String apiMessage, String requestId, Duration retryAfter, String detail) {
        super(describe(status, errorType, apiMessage != null ? apiMessage : detail, requestId));
        this.status = status;
        this.errorType = errorType;
        this.apiMessage = apiMessage;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    private SkillsApiException(String message, int status, String requestId, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorType = null;
        this.apiMessage = null;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    /**
     * An error answer, read from the API's envelope
     * {@code {"type":"error","error":{"type":..,"message":..},"request_id":..}}.
     *
     * @param detail     what to say when the answer has no error message, e.g. that its body is not JSON
     * @param retryAfter the wait the server asked for, or null
     */
    static SkillsApiException errorAnswer(
            int status, String errorType, String apiMessage, String requestId, Duration retryAfter, String detail) {
        return new SkillsApiException(status, errorType, apiMessage, requestId, retryAfter, detail);
    }

    /** No answer arrived: connection failure, timeout, interruption. */
    static SkillsApiException noAnswer(String call, String reason, Throwable cause) {
        return new SkillsApiException("Skills API " + call + " got no answer: " + reason, 0, null, null, cause);
    }

    /**
     * The call was not sent: an earlier answer with this status asked every call to wait, for longer than the client
     * waits in a call. It carries that status and the wait that is left, as the answer itself would.
     */
    static SkillsApiException paused(String call, int status, Duration remaining) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        return new SkillsApiException(
                "Skills API " + call + " not sent: the API answered " + status
                        + " and asked every call to wait; the wait ends in " + seconds + "s",
                status,
                null,
                remaining,
                null);
    }

    /** A successful answer the client cannot use (malformed, too large). */
    static SkillsApiException unusableAnswer(int status, String requestId, String call, String problem) {
        return new SkillsApiException(
                "Skills API " + call + " answered " + status + " but " + problem + requestIdSuffix(requestId),
                status,
                requestId,
                null,
                null);
    }

    private static String describe(int status, String errorType, String text, String requestId) {
        return "Skills API " + status + (errorType == null ? "" : " " + errorType) + ": " + text
                + requestIdSuffix(requestId);
    }

    private static String requestIdSuffix(String requestId) {
        return requestId == null ? "" : " (request-id " + requestId + ")";
    }

    /** HTTP status of the answer, 0 when none arrived. */
    public int status() {
        return status;
    }

    /** The error's {@code type}, e.g. {@code not_found_error}; null when the answer had none. */
    public String errorType() {
        return errorType;
    }

    /** The error's {@code message} as the server wrote it (with the API key blanked out); null when none. */
    public String apiMessage() {
        return apiMessage;
    }

    /** The request id to quote to Anthropic support; null when the answer had none. */
    public String requestId() {
        return requestId;
    }

    /** The wait the server asked for before a new attempt ({@code retry-after-ms} or {@code retry-after}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isAuthenticationFailure() {
        return status == 401 || status == 403;
    }

    public boolean isRateLimited() {
        return status == 429;
    }
}
