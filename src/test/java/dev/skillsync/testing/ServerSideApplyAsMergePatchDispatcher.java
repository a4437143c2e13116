package dev.skillsync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * The CRUD mock answers 415 to server-side apply, which java-operator-sdk uses in production. This dispatcher applies
 * an apply-patch as a JSON merge patch, so the tests run the production write path. With one field manager writing
 * the status, a merge patch of the full status is what server-side apply does too; explicit nulls clear fields.
 */
public class ServerSideApplyAsMergePatchDispatcher extends KubernetesCrudDispatcher {

    private static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ObjectMapper yaml = new YAMLMapper();
    private final ObjectMapper json = new ObjectMapper();

    public ServerSideApplyAsMergePatchDispatcher() {
        super(Collections.emptyList());
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith(APPLY_PATCH)) {
            return super.handlePatch(request);
        }
        try {
            JsonNode body = yaml.readTree(request.getUtf8Body());
            byte[] mergePatch = json.writeValueAsBytes(body);
            var headers = request.getHeaders().newBuilder().set("Content-Type", MERGE_PATCH).build();
            // fieldManager and force mean nothing to a merge patch, and the mock only sees a status patch as one when
            // the path ends in /status.
            String path = request.getPath().replaceFirst("\\?.*$", "");
            return super.handlePatch(new RecordedRequest(request.getHttpVersion(), request.method(), path, headers,
                    new Buffer(mergePatch)));
        } catch (IOException e) {
            throw new UncheckedIOException("apply-patch body is not YAML: " + new String(
                    request.getBody().getBytes(), StandardCharsets.UTF_8), e);
        }
    }
}
