package dev.skillsync.skillsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.assertj.core.api.ThrowableAssert;

/** Answers and settings shared by the client's tests. */
final class SkillsApiFixtures {

    static final String KEY_VALUE = "sk-ant-api03-TESTKEY-q1w2e3r4t5y6u7i8o9p0";
    static final ApiKey KEY = ApiKey.of(KEY_VALUE);

    private static final Pattern DISPOSITION_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private SkillsApiFixtures() {}

    /** Settings for a test server: one retry budget of 3, short backoffs, a 1 MiB body limit. */
    static SkillsApiSettings settings(MockWebServer server) {
        return new SkillsApiSettings(
                server.url("/").toString(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                3,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                4,
                1024 * 1024);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("request-id", "req_" + status)
                .setBody(body);
    }

    static MockResponse error(int status, String type, String message) {
        return json(
                status,
                "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                        + "\"},\"request_id\":\"req_" + status + "\"}");
    }

    /** The exception the call throws, failing the test when it throws none or another. */
    static SkillsApiException failureOf(ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(SkillsApiException.class);
        return (SkillsApiException) thrown;
    }

    /** The headers of every call in every dialect; {@link WireShapes#assertStandardHeaders} adds the dialect's. */
    static void assertStandardHeaders(RecordedRequest request) {
        assertThat(request.getHeader("x-api-key")).isEqualTo(KEY_VALUE);
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeader("user-agent")).startsWith("skillsync-operator");
        assertThat(request.getHeader("anthropic-workspace-id")).isNull();
    }

    /** One part of a multipart/form-data body. */
    record Part(String name, String filename, String contentType, byte[] body) {}

    static List<Part> parts(RecordedRequest request) throws IOException {
        MediaType type = MediaType.get(request.getHeader("Content-Type"));
        assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
        List<Part> parts = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(request.getBody(), type.parameter("boundary"))) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                Matcher params = DISPOSITION_PARAM.matcher(part.headers().get("Content-Disposition"));
                String name = null;
                String filename = null;
                while (params.find()) {
                    if (params.group(1).equals("name")) {
                        name = params.group(2);
                    } else if (params.group(1).equals("filename")) {
                        filename = params.group(2);
                    }
                }
                parts.add(new Part(
                        name,
                        filename,
                        part.headers().get("Content-Type"),
                        part.body().readByteArray()));
            }
        }
        return parts;
    }
}
