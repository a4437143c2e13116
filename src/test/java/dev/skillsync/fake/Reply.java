package dev.skillsync.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the fake answers before it becomes a MockResponse: status, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static Reply json(JsonNode body) {
        return new Reply(200, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply zip(byte[] body) {
        return new Reply(200, "application/zip", body, Map.of());
    }

    static Reply error(int status, String message, String requestId, Map<String, String> headers) {
        JsonNode body = WireJson.error(ApiException.errorTypeFor(status), message, requestId);
        return new Reply(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), headers);
    }
}
