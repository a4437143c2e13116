package dev.skillsync.skillsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The calls the operator makes to the Claude Skills API. Every call is retried on transient failures, counts
 * against one limit of calls in flight, and waits out a pause the API asked of the whole process (a 429 or 5xx with
 * {@code retry-after}); failures surface as {@link SkillsApiException}. Thread-safe.
 */
public class SkillsApiClient implements AutoCloseable {

    private static final MediaType MARKDOWN = MediaType.get("text/markdown; charset=utf-8");
    private static final MediaType BINARY = MediaType.get("application/octet-stream");
    /** The multipart part of one file, the same in every dialect; the file's path travels as its filename. */
    private static final String FILE_PART = "files[]";
    /** Far above any JSON answer: a full page of 1000 versions is well under 1 MiB. */
    private static final SkillsApiTransport.BodyLimit JSON_LIMIT =
            new SkillsApiTransport.BodyLimit(16L * 1024 * 1024, "the client's limit for JSON answers");

    private final HttpUrl baseUrl;
    private final WireDialect dialect;
    private final ObjectMapper json = new ObjectMapper();
    private final SkillsApiTransport transport;
    private final SkillsApiTransport.BodyLimit downloadLimit;

    /** The wire shapes this client speaks. */
    public WireDialect dialect() {
        return dialect;
    }

    public SkillsApiClient(SkillsApiSettings settings, WireDialect dialect, ApiCallObserver observer) {
        this(settings, dialect, Sleeper.THREAD, observer);
    }

    SkillsApiClient(SkillsApiSettings settings, WireDialect dialect, Sleeper sleeper) {
        this(settings, dialect, sleeper, ApiCallObserver.NONE);
    }

    SkillsApiClient(SkillsApiSettings settings, WireDialect dialect, Sleeper sleeper, ApiCallObserver observer) {
        this.baseUrl = HttpUrl.get(settings.baseUrl());
        this.dialect = dialect;
        RetryPolicy retryPolicy = new RetryPolicy(
                settings.maxRetries(),
                settings.initialBackoff(),
                settings.maxBackoff(),
                Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.transport = new SkillsApiTransport(settings, dialect.headers(), retryPolicy, sleeper, json, observer);
        this.downloadLimit =
                new SkillsApiTransport.BodyLimit(settings.maxDownloadBytes(), "skillsync.content.max-upload-size");
    }

    /** Creates a skill with its first version. Not repeated after a lost answer: the skill may exist then. */
    public RemoteSkill createSkill(ApiKey key, String displayTitle, List<UploadFile> files) {
        if (displayTitle == null || displayTitle.isBlank()) {
            throw new IllegalArgumentException("display title of a new skill must not be blank");
        }
        MultipartBody.Builder body = upload(files).addFormDataPart(dialect.titlePartName(), displayTitle);
        Request request = new Request.Builder()
                .url(url("v1/skills").build())
                .post(body.build())
                .build();
        return read(transport.send(key, request, false, JSON_LIMIT), request, dialect::readSkill);
    }

    /** The organisation's own skills, every page. */
    public List<RemoteSkill> listSkills(ApiKey key) {
        HttpUrl.Builder url = url("v1/skills");
        url.addQueryParameter("source", "custom");
        return listAll(key, url, dialect.skillsPageLimit(), dialect::readSkill);
    }

    public RemoteSkill getSkill(ApiKey key, String skillId) {
        Request request =
                new Request.Builder().url(skillUrl(skillId).build()).get().build();
        return read(transport.send(key, request, true, JSON_LIMIT), request, dialect::readSkill);
    }

    public void deleteSkill(ApiKey key, String skillId) {
        transport.send(
                key,
                new Request.Builder().url(skillUrl(skillId).build()).delete().build(),
                true,
                JSON_LIMIT);
    }

    /** Uploads a new version, which becomes the skill's latest. Not repeated after a lost answer. */
    public RemoteVersion createVersion(ApiKey key, String skillId, List<UploadFile> files) {
        Request request = new Request.Builder()
                .url(versionsUrl(skillId).build())
                .post(upload(files).build())
                .build();
        return read(transport.send(key, request, false, JSON_LIMIT), request, dialect::readVersion);
    }

    /** Every version of the skill, newest first. */
    public List<RemoteVersion> listVersions(ApiKey key, String skillId) {
        return dialect.newestFirst(
                listAll(key, versionsUrl(skillId), dialect.versionsPageLimit(), dialect::readVersion));
    }

    /** @param version a {@link RemoteVersion#version()} */
    public RemoteVersion getVersion(ApiKey key, String skillId, String version) {
        Request request = new Request.Builder()
                .url(versionUrl(skillId, version).build())
                .get()
                .build();
        return read(transport.send(key, request, true, JSON_LIMIT), request, dialect::readVersion);
    }

    /**
     * The skill's latest version, through the dialect's {@code latest} alias where it has one; empty for a skill
     * without versions.
     */
    public Optional<RemoteVersion> getLatestVersion(ApiKey key, String skillId) {
        Optional<String> alias = dialect.latestVersionAlias();
        if (alias.isPresent()) {
            return Optional.of(getVersion(key, skillId, alias.get()));
        }
        String latest = getSkill(key, skillId).latestVersion();
        return latest == null ? Optional.empty() : Optional.of(getVersion(key, skillId, latest));
    }

    /**
     * The version's files as a zip archive, or empty when the server serves no downloads to this dialect (GA has no
     * download; the beta content endpoint answers only while the beta header is honoured).
     *
     * @throws SkillsApiException also when the archive is larger than {@link SkillsApiSettings#maxDownloadBytes()}
     */
    public Optional<byte[]> downloadVersion(ApiKey key, String skillId, String version) {
        HttpUrl url = versionUrl(skillId, version).addPathSegment("content").build();
        Request.Builder request = new Request.Builder().url(url).get();
        dialect.downloadHeaders().forEach(request::header);
        try {
            return Optional.of(
                    transport.send(key, request.build(), true, downloadLimit).body());
        } catch (SkillsApiException e) {
            if (dialect.refusesDownload(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void deleteVersion(ApiKey key, String skillId, String version) {
        Request request = new Request.Builder()
                .url(versionUrl(skillId, version).build())
                .delete()
                .build();
        transport.send(key, request, true, JSON_LIMIT);
    }

    @Override
    public void close() {
        transport.close();
    }

    private <T> List<T> listAll(ApiKey key, HttpUrl.Builder url, int limit, Function<JsonNode, T> reader) {
        url.setQueryParameter("limit", Integer.toString(limit));
        List<T> items = new ArrayList<>();
        Set<String> pagesSeen = new HashSet<>();
        Optional<String> page = Optional.empty();
        do {
            page.ifPresent(token -> url.setQueryParameter("page", token));
            Request request = new Request.Builder().url(url.build()).get().build();
            SkillsApiTransport.Answer answer = transport.send(key, request, true, JSON_LIMIT);
            JsonNode body = parse(answer, request);
            JsonNode data = body.get("data");
            if (data == null || !data.isArray()) {
                throw unusable(answer, request, "its body has no \"data\" list");
            }
            for (JsonNode item : data) {
                items.add(readItem(answer, request, reader, item));
            }
            page = dialect.nextPage(body);
            if (page.isPresent() && !pagesSeen.add(page.get())) {
                throw unusable(answer, request, "its next_page repeats an earlier page");
            }
        } while (page.isPresent());
        return items;
    }

    private <T> T read(SkillsApiTransport.Answer answer, Request request, Function<JsonNode, T> reader) {
        return readItem(answer, request, reader, parse(answer, request));
    }

    private <T> T readItem(
            SkillsApiTransport.Answer answer, Request request, Function<JsonNode, T> reader, JsonNode item) {
        if (!item.isObject()) {
            throw unusable(answer, request, "it holds " + item.getNodeType() + " where an object belongs");
        }
        try {
            return reader.apply(item);
        } catch (IllegalArgumentException e) {
            throw unusable(answer, request, "an object in it is incomplete: " + e.getMessage());
        }
    }

    private JsonNode parse(SkillsApiTransport.Answer answer, Request request) {
        try {
            JsonNode body = json.readTree(answer.body());
            if (body == null || !body.isObject()) {
                throw unusable(answer, request, "its body is not a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw unusable(answer, request, "its body is not JSON");
        }
    }

    private static SkillsApiException unusable(SkillsApiTransport.Answer answer, Request request, String problem) {
        return SkillsApiException.unusableAnswer(
                answer.status(), answer.requestId(), SkillsApiTransport.call(request), problem);
    }

    private MultipartBody.Builder upload(List<UploadFile> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("a skill upload needs at least one file");
        }
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (UploadFile file : files) {
            MediaType type = file.path().endsWith(".md") ? MARKDOWN : BINARY;
            body.addFormDataPart(FILE_PART, file.path(), RequestBody.create(file.content(), type));
        }
        return body;
    }

    private HttpUrl.Builder url(String pathSegments) {
        return baseUrl.newBuilder().addPathSegments(pathSegments);
    }

    private HttpUrl.Builder skillUrl(String skillId) {
        return url("v1/skills").addPathSegment(requireId(skillId, "skill id"));
    }

    private HttpUrl.Builder versionsUrl(String skillId) {
        return skillUrl(skillId).addPathSegment("versions");
    }

    private HttpUrl.Builder versionUrl(String skillId, String version) {
        return versionsUrl(skillId).addPathSegment(requireId(version, "skill version"));
    }

    private static String requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return id;
    }
}
