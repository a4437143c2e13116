package dev.skillsync.fake;

import dev.skillsync.testing.CallHold;
import dev.skillsync.testing.CallHolds;
import dev.skillsync.testing.HttpCall;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Answers HTTP requests as the Skills API does: checks the headers, picks the shapes (beta for a
 * request with the beta header, GA for one without when the fake serves GA), routes to the
 * endpoint, and records the call. Injected faults, lost responses and holds are applied here.
 */
final class SkillsApiDispatcher extends Dispatcher {

    static final String BETA = "skills-2025-10-02";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_BETA_SKILLS_LIMIT = 100;
    private static final int MAX_VERSIONS_LIMIT = 1000;
    private static final int MAX_GA_LIMIT = 1000;
    private static final int MAX_DISPLAY_NAME_LENGTH = 255;
    private static final Set<String> GA_SKILL_LIST_PARAMETERS = Set.of("limit", "page", "source");
    private static final Set<String> GA_VERSION_LIST_PARAMETERS = Set.of("limit", "page");

    private static final Pattern SKILLS = Pattern.compile("/v1/skills");
    private static final Pattern SKILL = Pattern.compile("/v1/skills/([^/]+)");
    private static final Pattern VERSIONS = Pattern.compile("/v1/skills/([^/]+)/versions");
    private static final Pattern VERSION = Pattern.compile("/v1/skills/([^/]+)/versions/([^/]+)");
    private static final Pattern CONTENT = Pattern.compile("/v1/skills/([^/]+)/versions/([^/]+)/content");

    private final SkillStore store;
    private final FakeSettings settings;
    private final FaultPlan faults;
    private final CallLog calls;
    private final CallHolds<HttpCall> holdsOnReceipt;
    private final CallHolds<HttpCall> holdsOnceProcessed;
    private final FakeDialect dialect;

    SkillsApiDispatcher(
            FakeDialect dialect,
            SkillStore store,
            FakeSettings settings,
            FaultPlan faults,
            CallLog calls,
            CallHolds<HttpCall> holdsOnReceipt,
            CallHolds<HttpCall> holdsOnceProcessed) {
        this.dialect = dialect;
        this.store = store;
        this.settings = settings;
        this.faults = faults;
        this.calls = calls;
        this.holdsOnReceipt = holdsOnReceipt;
        this.holdsOnceProcessed = holdsOnceProcessed;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long receivedNanos = System.nanoTime();
        String requestId = RandomIds.next("req_");
        String method = request.getMethod();
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        // Uploads can be large, and no hold needs to look into one.
        HttpCall call = new HttpCall(method, path, "");
        if (!goesOn(holdsOnReceipt.take(call))) {
            // Dropped before it was handled: it changed nothing, and it is not recorded as answered.
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        Optional<Fault> fault = faults.takeFault(method, path, receivedNanos);
        Reply reply = fault.map(f -> Reply.error(f.status(), f.message(), requestId, f.headers()))
                .orElseGet(() -> answer(request, url, requestId));
        boolean lost =
                (fault.isEmpty() && faults.takeLostResponse(method, path)) || !goesOn(holdsOnceProcessed.take(call));
        String query = url.encodedQuery() == null ? "" : url.encodedQuery();
        calls.add(new RecordedCall(
                method,
                path,
                query,
                reply.status(),
                requestId,
                lost,
                request.getHeader("x-api-key"),
                hasBetaHeader(request),
                request.getHeader("anthropic-workspace-id"),
                receivedNanos));
        if (lost) {
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        return toMockResponse(reply, requestId);
    }

    private static boolean goesOn(Optional<CallHold> hold) {
        return hold.map(CallHold::hold).orElse(true);
    }

    private Reply answer(RecordedRequest request, HttpUrl url, String requestId) {
        try {
            FakeDialect shapes = checkHeaders(request);
            return route(request.getMethod(), url, request, shapes);
        } catch (ApiException e) {
            return Reply.error(e.status(), e.getMessage(), requestId, Map.of());
        } catch (RuntimeException e) {
            // A bug in the fake: answer like the real server's internal errors rather than drop the connection.
            return Reply.error(500, "The fake Skills API failed: " + e, requestId, Map.of());
        }
    }

    /** The shapes the request gets. */
    private FakeDialect checkHeaders(RecordedRequest request) {
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
        String workspace = request.getHeader("anthropic-workspace-id");
        if (workspace != null && !settings.mayActOn(key, workspace)) {
            throw new ApiException(
                    403, "The anthropic-workspace-id header names a workspace this API key" + " cannot act on.");
        }
        if (hasBetaHeader(request)) {
            if (settings.betaRetired()) {
                throw ApiException.invalidRequest("The beta 'anthropic-beta: " + BETA + "' is no longer"
                        + " supported; use the Skills API without the beta header.");
            }
            return FakeDialect.BETA;
        }
        if (dialect == FakeDialect.BETA) {
            throw ApiException.invalidRequest(
                    "The Skills API requires the beta header 'anthropic-beta: " + BETA + "'.");
        }
        return FakeDialect.GA;
    }

    private static boolean hasBetaHeader(RecordedRequest request) {
        return request.getHeaders().values("anthropic-beta").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .anyMatch(BETA::equals);
    }

    private Reply route(String method, HttpUrl url, RecordedRequest request, FakeDialect shapes) {
        String path = url.encodedPath();
        Matcher m;
        if (SKILLS.matcher(path).matches()) {
            return switch (method) {
                case "GET" -> listSkills(url, shapes);
                case "POST" -> createSkill(url, request, shapes);
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = SKILL.matcher(path)).matches()) {
            String skillId = m.group(1);
            requireNoQuery(url, shapes);
            return switch (method) {
                case "GET" -> Reply.json(WireJson.skill(store.requireSkill(skillId, shapes), shapes));
                case "DELETE" -> deleteSkill(skillId, shapes);
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = VERSIONS.matcher(path)).matches()) {
            String skillId = m.group(1);
            return switch (method) {
                case "GET" -> listVersions(skillId, url, shapes);
                case "POST" -> createVersion(skillId, url, request, shapes);
                default -> throw methodNotAllowed(method, path);
            };
        }
        if ((m = VERSION.matcher(path)).matches()) {
            String skillId = m.group(1);
            String version = m.group(2);
            requireNoQuery(url, shapes);
            return switch (method) {
                case "GET" -> Reply.json(WireJson.version(store.version(skillId, version, shapes), shapes));
                case "DELETE" -> deleteVersion(skillId, version, shapes);
                default -> throw methodNotAllowed(method, path);
            };
        }
        // GA has no download: the content endpoint exists for requests with the beta header only.
        if ((m = CONTENT.matcher(path)).matches() && method.equals("GET") && shapes == FakeDialect.BETA) {
            FakeVersion version = dialect == FakeDialect.GA
                    ? store.contentVersion(m.group(1), m.group(2))
                    : store.version(m.group(1), m.group(2), FakeDialect.BETA);
            return Reply.zip(SkillZip.of(version));
        }
        throw ApiException.notFound("Not found: " + method + " " + path);
    }

    private Reply createSkill(HttpUrl url, RecordedRequest request, FakeDialect shapes) {
        requireNoQuery(url, shapes);
        MultipartUpload form = MultipartUpload.read(request);
        String title;
        if (shapes == FakeDialect.GA) {
            form.requireOnly(Set.of("display_name"));
            title = form.text("display_name");
            checkDisplayName(title);
        } else {
            title = form.text("display_title");
        }
        SkillUpload upload = SkillUpload.validate(form.files(), settings.maxUploadBytes());
        return Reply.json(WireJson.skill(store.createSkill(title, upload, shapes), shapes));
    }

    private static void checkDisplayName(String displayName) {
        if (displayName == null) {
            return;
        }
        if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw ApiException.invalidRequest("display_name: at most " + MAX_DISPLAY_NAME_LENGTH + " characters, got "
                    + displayName.length() + ".");
        }
        if (displayName.contains("\n") || displayName.contains("\r")) {
            throw ApiException.invalidRequest("display_name must be a single line.");
        }
    }

    private Reply listSkills(HttpUrl url, FakeDialect shapes) {
        if (shapes == FakeDialect.GA) {
            requireOnlyParameters(url, GA_SKILL_LIST_PARAMETERS);
        }
        int limit = limit(url, shapes == FakeDialect.GA ? MAX_GA_LIMIT : MAX_BETA_SKILLS_LIMIT);
        Long after = cursor(url, "skills");
        String source = url.queryParameter("source");
        if ("anthropic".equals(source)) {
            // The fake holds only custom skills.
            return Reply.json(WireJson.page(List.of(), Optional.empty(), shapes));
        }
        if (source != null && !source.equals("custom")) {
            throw ApiException.invalidRequest("source must be 'custom' or 'anthropic', got '" + source + "'.");
        }
        Page<FakeSkill> page = store.listSkills(after, limit, shapes == FakeDialect.GA, shapes);
        return Reply.json(WireJson.page(
                page.items().stream()
                        .map(skill -> WireJson.skill(skill, shapes))
                        .toList(),
                page.nextCursor().map(cursor -> PageToken.encode("skills", cursor)),
                shapes));
    }

    private Reply deleteSkill(String skillId, FakeDialect shapes) {
        store.deleteSkill(skillId, shapes);
        return Reply.json(WireJson.deleted("skill_deleted", skillId));
    }

    private Reply createVersion(String skillId, HttpUrl url, RecordedRequest request, FakeDialect shapes) {
        requireNoQuery(url, shapes);
        store.requireSkill(skillId, shapes);
        MultipartUpload form = MultipartUpload.read(request);
        if (shapes == FakeDialect.GA) {
            form.requireOnly(Set.of());
        }
        SkillUpload upload = SkillUpload.validate(form.files(), settings.maxUploadBytes());
        return Reply.json(WireJson.version(store.createVersion(skillId, upload), shapes));
    }

    private Reply listVersions(String skillId, HttpUrl url, FakeDialect shapes) {
        if (shapes == FakeDialect.GA) {
            requireOnlyParameters(url, GA_VERSION_LIST_PARAMETERS);
        }
        int limit = limit(url, shapes == FakeDialect.GA ? MAX_GA_LIMIT : MAX_VERSIONS_LIMIT);
        String list = "versions:" + skillId;
        Page<FakeVersion> page = store.listVersions(skillId, cursor(url, list), limit, shapes == FakeDialect.GA);
        return Reply.json(WireJson.page(
                page.items().stream().map(v -> WireJson.version(v, shapes)).toList(),
                page.nextCursor().map(cursor -> PageToken.encode(list, cursor)),
                shapes));
    }

    private Reply deleteVersion(String skillId, String version, FakeDialect shapes) {
        store.deleteVersion(skillId, version, shapes);
        return Reply.json(WireJson.deleted("skill_version_deleted", version));
    }

    /** The GA API refuses query parameters it does not know (the SDKs' beta `?beta=true` among them). */
    private static void requireOnlyParameters(HttpUrl url, Set<String> known) {
        url.queryParameterNames().stream()
                .filter(name -> !known.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw ApiException.invalidRequest("Unknown query parameter '" + name + "'.");
                });
    }

    private static void requireNoQuery(HttpUrl url, FakeDialect shapes) {
        if (shapes == FakeDialect.GA) {
            requireOnlyParameters(url, Set.of());
        }
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
