package dev.skillsync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonDiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;

/**
 * The CRUD mock answers 415 to server-side apply, which java-operator-sdk uses in production. This dispatcher applies
 * an apply-patch as a JSON merge patch (RFC 7386), so the tests run the production write path. With one field manager
 * writing the status that is what server-side apply does too: lists are replaced, explicit nulls clear fields. The
 * mock's own merge appends to lists, so the merge is done here and handed to the mock as the equivalent JSON patch.
 */
public class ServerSideApplyAsMergePatchDispatcher extends KubernetesCrudDispatcher {

    private static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final String JSON_PATCH = "application/json-patch+json";

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
        // fieldManager and force mean nothing here, and the mock only sees a status patch as one when the path ends
        // in /status.
        String path = request.getPath().replaceFirst("\\?.*$", "");
        MockResponse current = handleGet(path.replaceFirst("/status$", ""));
        if (!current.getStatus().contains(" 200")) {
            return current;
        }
        try {
            JsonNode stored = json.readTree(current.getBody().readUtf8());
            JsonNode merged = mergePatch(stored, yaml.readTree(request.getUtf8Body()));
            byte[] patch = json.writeValueAsBytes(JsonDiff.asJson(stored, merged));
            var headers = request.getHeaders().newBuilder().set("Content-Type", JSON_PATCH).build();
            return super.handlePatch(new RecordedRequest(request.getHttpVersion(), request.method(), path, headers,
                    new Buffer(patch)));
        } catch (IOException e) {
            throw new UncheckedIOException("apply-patch body is not YAML", e);
        }
    }

    /** RFC 7386: objects merge key by key, null removes, anything else (lists included) replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }
}
