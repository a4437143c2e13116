package dev.skillsync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonDiff;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The CRUD mock (its lookups by name {@linkplain NameIndexedCrudDispatcher indexed}) with the API server behaviours the operator relies on and the mock lacks.
 * <ul>
 * <li>Server-side apply, which java-operator-sdk uses in production (the mock answers 415): an apply-patch is applied
 * as a JSON merge patch (RFC 7386). With one field manager writing the status that is what server-side apply does
 * too: lists are replaced, explicit nulls clear fields. The mock's own merge appends to lists, so the merge is done
 * here and handed to the mock as the equivalent JSON patch.</li>
 * <li>SelfSubjectRulesReview, which java-operator-sdk sends before leader election: answered with the Lease rule
 * the Helm chart grants.</li>
 * <li>A patch that removes the last finalizer of a deleted object: the mock deletes the object and answers with no
 * body, the API server answers with the object as patched, which java-operator-sdk caches.</li>
 * </ul>
 * It also holds calls that a test {@linkplain #holdWhenReceived arms a hold for}, before they change anything.
 */
public class EmbeddedApiDispatcher extends NameIndexedCrudDispatcher {

    private static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final String JSON_PATCH = "application/json-patch+json";

    private final ObjectMapper yaml = new YAMLMapper();
    private final ObjectMapper json = new ObjectMapper();
    private final CallHolds<HttpCall> holds = new CallHolds<>();

    /**
     * Holds the next request the predicate accepts as soon as it is received. Released, it is handled as usual;
     * dropped, it changes nothing and is answered 503. The mock serves on a few event-loop threads: while a call is
     * held, other calls on its thread wait too, so a test lets it go on as soon as it has done what the hold is for.
     */
    public CallHold holdWhenReceived(String description, Predicate<HttpCall> call) {
        return holds.arm(description, call);
    }

    /** Disarms every hold and drops every call still held, so that the server can stop. */
    public void dropHolds() {
        holds.dropAll();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpCall call = new HttpCall(
                request.getMethod(),
                request.getPath().replaceFirst("\\?.*$", ""),
                new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
        Optional<CallHold> hold = holds.take(call);
        if (hold.isPresent() && !hold.get().hold()) {
            return new MockResponse().setResponseCode(503);
        }
        return super.dispatch(request);
    }

    private static final String RULES_REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        if (!request.getPath().startsWith(RULES_REVIEWS)) {
            return super.handleCreate(request);
        }
        try {
            ObjectNode review = (ObjectNode) json.readTree(request.getUtf8Body());
            ObjectNode status = review.putObject("status").put("incomplete", false);
            ObjectNode rule = status.putArray("resourceRules").addObject();
            rule.putArray("apiGroups").add("coordination.k8s.io");
            rule.putArray("resources").add("leases");
            rule.putArray("verbs").add("create").add("get").add("update").add("patch");
            status.putArray("nonResourceRules");
            return new MockResponse().setResponseCode(201).setBody(json.writeValueAsString(review));
        } catch (IOException e) {
            throw new UncheckedIOException("SelfSubjectRulesReview body is not JSON", e);
        }
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith(APPLY_PATCH)) {
            MockResponse before = handleGet(request.getPath().replaceFirst("\\?.*$", ""));
            return patchAnsweringWithTheObject(
                    request,
                    () -> before.getStatus().contains(" 200")
                            ? readTree(before.getBody().readUtf8())
                            : null);
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
            String body = request.getUtf8Body();
            // YAML is a superset of JSON; clients send JSON, which the JSON parser reads far faster.
            JsonNode applied = body.stripLeading().startsWith("{") ? json.readTree(body) : yaml.readTree(body);
            JsonNode merged = mergePatch(stored, applied);
            byte[] patch = json.writeValueAsBytes(JsonDiff.asJson(stored, merged));
            var headers = request.getHeaders()
                    .newBuilder()
                    .set("Content-Type", JSON_PATCH)
                    .build();
            return patchAnsweringWithTheObject(
                    new RecordedRequest(request.getHttpVersion(), request.method(), path, headers, new Buffer(patch)),
                    () -> stored);
        } catch (IOException e) {
            throw new UncheckedIOException("apply-patch body is not YAML", e);
        }
    }

    /** @param before the object as stored before the patch, null when there was none; read only when needed */
    private MockResponse patchAnsweringWithTheObject(RecordedRequest request, Supplier<JsonNode> before) {
        String contentType = request.getHeader("Content-Type");
        // The mock reads the body away; keep a copy to compute the answer it leaves out.
        byte[] patch = request.getBody().readByteArray();
        MockResponse response = super.handlePatch(new RecordedRequest(
                request.getHttpVersion(),
                request.method(),
                request.getPath(),
                request.getHeaders(),
                new Buffer(patch)));
        // The mock answers a patch with 202, and with no body when the patch let it delete the object.
        Buffer body = response.getBody();
        boolean answeredWithoutObject = response.getStatus().contains(" 202") && (body == null || body.size() == 0);
        JsonNode stored = answeredWithoutObject && contentType != null ? before.get() : null;
        if (stored == null) {
            return response;
        }
        try {
            JsonNode patchNode = json.readTree(patch);
            JsonNode patched = contentType.startsWith(JSON_PATCH)
                    ? JsonPatch.apply(patchNode, stored)
                    : mergePatch(stored, patchNode);
            return new MockResponse().setResponseCode(200).setBody(json.writeValueAsString(patched));
        } catch (IOException e) {
            throw new UncheckedIOException("patch body is not JSON", e);
        }
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("stored object is not JSON", e);
        }
    }

    /** RFC 7386: objects merge key by key, null removes, anything else (lists included) replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
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
