package dev.skillsync.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The error message in a registry's or token service's error answer, for the user to read. */
final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Error documents are short; a larger body is not read in full. */
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private static final int MAX_MESSAGE_LENGTH = 300;

    private RegistryErrors() {}

    /**
     * "HTTP 404 (MANIFEST_UNKNOWN: manifest unknown)": the status and what the body's {@code errors} (distribution
     * spec) or {@code details}/{@code message}/{@code error} (token services) say.
     */
    static String describe(Response response) {
        String message = messageOf(response.body());
        return "HTTP " + response.code() + (message.isEmpty() ? "" : " (" + message + ")");
    }

    private static String messageOf(ResponseBody body) {
        if (body == null) {
            return "";
        }
        JsonNode document;
        try {
            document = JSON.readTree(body.byteStream().readNBytes(MAX_ERROR_BODY));
        } catch (IOException e) {
            return "";
        }
        if (document == null || !document.isObject()) {
            return "";
        }
        List<String> messages = new ArrayList<>();
        for (JsonNode error : document.path("errors")) {
            String code = error.path("code").asText("");
            String text = error.path("message").asText("");
            messages.add(code.isEmpty() ? text : text.isEmpty() ? code : code + ": " + text);
        }
        for (String field : List.of("details", "message", "error")) {
            if (messages.isEmpty() && document.path(field).isTextual()) {
                messages.add(document.path(field).asText());
            }
        }
        String joined = String.join("; ", messages);
        return joined.length() > MAX_MESSAGE_LENGTH ? joined.substring(0, MAX_MESSAGE_LENGTH) + "..." : joined;
    }
}
