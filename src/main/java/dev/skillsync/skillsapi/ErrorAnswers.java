package dev.skillsync.skillsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Headers;

/** Turns an error answer into a {@link SkillsApiException}, whatever its body holds. */
final class ErrorAnswers {

    /** Enough of a non-JSON body (a proxy's HTML page, say) to recognise it. */
    private static final int EXCERPT_CHARS = 200;

    private final ObjectMapper json;

    ErrorAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param key        blanked out of everything taken from the body, in case a server echoes it
     * @param retryAfter the wait the server asked for, or null
     */
    SkillsApiException read(int status, Headers headers, byte[] body, ApiKey key, Duration retryAfter) {
        JsonNode envelope = parse(body);
        String requestId = headers.get("request-id");
        if (requestId == null && envelope != null) {
            requestId = text(envelope, "request_id");
        }
        JsonNode error = envelope == null ? null : envelope.get("error");
        if (error != null && error.isObject()) {
            return SkillsApiException.errorAnswer(
                    status,
                    text(error, "type"),
                    key.redactFrom(text(error, "message")),
                    requestId,
                    retryAfter,
                    "the answer has no error message");
        }
        // Blank out the key before cutting an excerpt, so that no part of it can remain.
        String text = key.redactFrom(new String(body, StandardCharsets.UTF_8));
        return SkillsApiException.errorAnswer(status, null, null, requestId, retryAfter, describeBody(text));
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String describeBody(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "the answer has no body";
        }
        String excerpt = text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text;
        return "the answer is not a JSON error: " + excerpt;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
