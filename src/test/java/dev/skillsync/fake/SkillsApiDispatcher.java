package dev.skillsync.fake;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * Answers HTTP requests as the Skills API does under the beta header: checks the headers, routes
 * to the endpoint, and records the call. Injected faults and lost responses are applied here.
 */
final class SkillsApiDispatcher extends Dispatcher {

    static final String BETA = "skills-2025-10-02";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_SKILLS_LIMIT = 100;
    private static final int MAX_VERSIONS_LIMIT = 1000;

    private static final Pattern SKILLS = Pattern.compile("/v1/skills");
    private static final Pattern SKILL = Pattern.compile("/v1/skills/([^/]+)");
    private static final Pattern VERSIONS = Pattern.compile("/v1/skills/([^/]+)/versions");
    private static final Pattern VERSION = Pattern.compile("/v1/skills/([^/]+)/versions/([^/]+)");
    private static final Pattern CONTENT = Pattern.compile("/v1/skills/([^/]+)/versions/([^/]+)/content");

    private final SkillStore store;
    private final FakeSettings settings;
    private final FaultPlan faults;
    private final CallLog calls;

    SkillsApiDispatcher(SkillStore store, FakeSettings settings, FaultPlan faults, CallLog calls) {
        this.store = store;
        this.settings = settings;
        this.faults = faults;
        this.calls = calls;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long receivedNanos = System.nanoTime();
        String requestId = RandomIds.next("req_");
        String method = request.getMethod();
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        Optional<Fault> fault = faults.takeFault(method, path, receivedNanos);
        Reply reply = fault
                .map(f -> Reply.error(f.status(), f.message(), requestId, f.headers()))
                .orElseGet(() -> answer(request, url, requestId));
        boolean lost = fault.isEmpty() && faults.takeLostResponse(method, path);
        String query = url.encodedQuery() == null ? "" : url.encodedQuery();
        calls.add(new RecordedCall(method, path, query, reply.status(), requestId, lost,
                request.getHeader("x-api-key"), receivedNanos));
        if (lost) {
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        return toMockResponse(reply, requestId);
    }

    private Reply answer(RecordedRequest request, HttpUrl url, String requestId) {
        try {
            checkHeaders(request);
            return route(request.getMethod(), url, request);
        } catch (ApiException e) {
            return Reply.error(e.status(), e.getMessage(), requestId, Map.of());
        } catch (RuntimeException e) {
            // A bug in the fake: answer like the real server's internal errors rather than drop the connection.
            return Reply.error(500, "The fake Skills API failed: " + e, requestId, Map.of());
        }
    }

    private void checkHeaders(RecordedRequest request) {
        String key = request.getHeader("x-api-key");
        if (key == null || key.isBlank()) {
            throw ApiException.authentication("x-api-key header is required");
        }
        if (!settings.accepts(key)) {
            throw ApiException.authentication("invalid x-api-key");
        }
        if (request.getHeader("anthropic-version") == null) {
            throw ApiException.invalidRequest("anthropic-version: header is required");
        }
        boolean beta = request.getHeaders().values("anthropic-beta").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .anyMatch(BETA::equals);
        if (!beta) {
            throw ApiException.invalidRequest(
                    "The Skills API requires the beta header 'anthropic-beta: " + BETA + "'.");
        }
    }

    private Reply route(String method, HttpUrl url, RecordedRequest request) {
        String path = url.encodedPath();
        Matcher m;
        if (SKILLS.matcher(path).matches()) {
            return switch (method) {
                case "GET" -> listSkills(url);
                case "POST" -> createSkill(request);
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = SKILL.matcher(path)).matches()) {
            String skillId = m.group(1);
            return switch (method) {
                case "GET" -> Reply.json(WireJson.skill(store.requireSkill(skillId)));
                case "DELETE" -> deleteSkill(skillId);
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = VERSIONS.matcher(path)).matches()) {
            String skillId = m.group(1);
            return switch (method) {
                case "GET" -> listVersions(skillId, url);
                case "POST" -> createVersion(skillId, request);
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = VERSION.matcher(path)).matches()) {
            String skillId = m.group(1);
            String version = m.group(2);
            return switch (method) {
                case "GET" -> Reply.json(WireJson.version(store.version(skillId, version)));
                case "DELETE" -> deleteVersion(skillId, version);
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = CONTENT.matcher(path)).matches() && method.equals("GET")) {
            return Reply.zip(SkillZip.of(store.version(m.group(1), m.group(2))));
        }
        throw ApiException.notFound("Not found: " + method + " " + path);
    }

    private Reply createSkill(RecordedRequest request) {
        MultipartUpload form = MultipartUpload.read(request);
        SkillUpload upload = SkillUpload.validate(form.files(), settings.maxUploadBytes());
        return Reply.json(WireJson.skill(store.createSkill(form.displayTitle(), upload)));
    }

    private Reply listSkills(HttpUrl url) {
        int limit = limit(url, MAX_SKILLS_LIMIT);
        Long after = cursor(url, "skills");
        String source = url.queryParameter("source");
        if ("anthropic".equals(source)) {
            // The fake holds only custom skills.
            return Reply.json(WireJson.page(List.of(), Optional.empty()));
        }
        if (source != null && !source.equals("custom")) {
            throw ApiException.invalidRequest("source must be 'custom' or 'anthropic', got '" + source + "'.");
        }
        Page<FakeSkill> page = store.listSkills(after, limit);
        return Reply.json(WireJson.page(page.items().stream().map(WireJson::skill).toList(),
                page.nextCursor().map(cursor -> PageToken.encode("skills", cursor))));
    }

    private Reply deleteSkill(String skillId) {
        store.deleteSkill(skillId);
        return Reply.json(WireJson.deleted("skill_deleted", skillId));
    }

    private Reply createVersion(String skillId, RecordedRequest request) {
        store.requireSkill(skillId);
        MultipartUpload form = MultipartUpload.read(request);
        SkillUpload upload = SkillUpload.validate(form.files(), settings.maxUploadBytes());
        return Reply.json(WireJson.version(store.createVersion(skillId, upload)));
    }

    private Reply listVersions(String skillId, HttpUrl url) {
        int limit = limit(url, MAX_VERSIONS_LIMIT);
        String list = "versions:" + skillId;
        Page<FakeVersion> page = store.listVersions(skillId, cursor(url, list), limit);
        return Reply.json(WireJson.page(page.items().stream().map(WireJson::version).toList(),
                page.nextCursor().map(cursor -> PageToken.encode(list, cursor))));
    }

    private Reply deleteVersion(String skillId, String version) {
        store.deleteVersion(skillId, version);
        return Reply.json(WireJson.deleted("skill_version_deleted", version));
    }

    /** The page size: the `limit` asked for (default 20) within the API's range, capped by the fake's setting. */
    private int limit(HttpUrl url, int max) {
        String value = url.queryParameter("limit");
        if (value == null) {
            return Math.min(DEFAULT_LIMIT, settings.maxPageSize());
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > max) {
            throw ApiException.invalidRequest("limit must be an integer from 1 to " + max + ", got '" + value + "'.");
        }
        return Math.min(limit, settings.maxPageSize());
    }

    private static Long cursor(HttpUrl url, String list) {
        String page = url.queryParameter("page");
        return page == null || page.isEmpty() ? null : PageToken.decode(page, list);
    }

    private static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(405, "Method " + method + " is not allowed on " + path + ".");
    }

    private MockResponse toMockResponse(Reply reply, String requestId) {
        MockResponse response = new MockResponse()
                .setResponseCode(reply.status())
                .setHeader("request-id", requestId)
                .setHeader("Content-Type", reply.contentType())
                .setBody(new Buffer().write(reply.body()));
        reply.headers().forEach(response::setHeader);
        long latencyMillis = settings.latency().toMillis();
        if (latencyMillis > 0) {
            response.setHeadersDelay(latencyMillis, TimeUnit.MILLISECONDS);
        }
        return response;
    }
}
