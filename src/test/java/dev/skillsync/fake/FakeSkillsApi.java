package dev.skillsync.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.mockwebserver.MockWebServer;

/**
 * An in-process fake of the Claude Skills API as served with {@code anthropic-beta: skills-2025-10-02}:
 * the same endpoints, JSON shapes, validation rules and error envelopes, kept in memory. Tests and the
 * local-mode runner point the operator at {@link #baseUrl()}, then inspect the state and the recorded
 * calls, change skills behind the operator's back, and inject faults.
 *
 * <p>Safe to call from any thread while requests are served concurrently.
 */
public final class FakeSkillsApi implements AutoCloseable {

    /** The API key the fake accepts until {@link #revokeKey(String) revoked}. */
    public static final String DEFAULT_KEY = "sk-ant-fake-local-key";
    /** The real server's limit on the total size of a skill's files. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 30L * 1024 * 1024;

    private final FakeSettings settings = new FakeSettings();
    private final SkillStore store = new SkillStore(new VersionClock(Clock.systemUTC()));
    private final FaultPlan faults = new FaultPlan();
    private final CallLog calls = new CallLog();
    private final SkillsApiDispatcher dispatcher = new SkillsApiDispatcher(store, settings, faults, calls);
    private final int port;
    /** Null while the fake does not listen. */
    private MockWebServer server;

    private FakeSkillsApi(int port) {
        this.port = listen(port).getPort();
    }

    /** A new server on the port: a MockWebServer cannot start again once shut down. */
    private synchronized MockWebServer listen(int onPort) {
        MockWebServer started = new MockWebServer();
        started.setDispatcher(dispatcher);
        try {
            started.start(InetAddress.getByName("127.0.0.1"), onPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake Skills API on 127.0.0.1:" + onPort, e);
        }
        server = started;
        return started;
    }

    /** Starts the fake on 127.0.0.1 on a free port. */
    public static FakeSkillsApi start() {
        return new FakeSkillsApi(0);
    }

    /** Where to send requests, without a trailing slash, e.g. "http://127.0.0.1:40123". */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Stops listening, as an API that is down: connections to {@link #baseUrl()} are refused until
     * {@link #listenAgain()}. Skills, keys and recorded calls are kept.
     */
    public synchronized void stopListening() {
        if (server != null) {
            shutDown(server);
            server = null;
        }
    }

    /** Listens on the same port again after {@link #stopListening()}. */
    public synchronized void listenAgain() {
        if (server == null) {
            listen(port);
        }
    }

    public void acceptKey(String key) {
        settings.acceptKey(key);
    }

    /** From now on requests with this key get 401 authentication_error. */
    public void revokeKey(String key) {
        settings.revokeKey(key);
    }

    /** Uploads whose files total more than this get 413 request_too_large; default 30 MiB. */
    public void setMaxUploadBytes(long bytes) {
        settings.maxUploadBytes(bytes);
    }

    /** Caps every list page at {@code n} items whatever `limit` asks for, to force many pages. */
    public void setMaxPageSize(int n) {
        settings.maxPageSize(n);
    }

    /** Delays every response by this much. */
    public void setLatency(Duration latency) {
        settings.latency(latency);
    }

    /** Every skill, oldest first. */
    public List<FakeSkill> skills() {
        return store.skills();
    }

    public Optional<FakeSkill> skill(String id) {
        return store.skill(id);
    }

    /** The skill's versions, oldest first; empty for an unknown skill. */
    public List<FakeVersion> versions(String skillId) {
        return store.versions(skillId);
    }

    /** Every call answered since the start or the last {@link #clearCalls()}, in order. */
    public List<RecordedCall> calls() {
        return calls.snapshot();
    }

    /** The number of POST and DELETE calls recorded. */
    public long writeCalls() {
        return calls.count(RecordedCall::isWrite);
    }

    /** The number of GET calls recorded. */
    public long readCalls() {
        return calls.count(RecordedCall::isRead);
    }

    public void clearCalls() {
        calls.clear();
    }

    /**
     * Creates a skill as another API user would; the same rules apply as over HTTP and the call is
     * not recorded.
     *
     * @param files contents by full path ("pdf-tools/SKILL.md")
     * @throws IllegalArgumentException with the server's message when the API would reject the upload
     */
    public FakeSkill createSkillOutOfBand(String displayTitle, Map<String, byte[]> files) {
        return outOfBand(() -> store.createSkill(displayTitle, SkillUpload.validate(files, settings.maxUploadBytes())));
    }

    /**
     * Creates a version as another API user would; the same rules apply as over HTTP.
     *
     * @throws IllegalArgumentException with the server's message when the API would reject the upload
     * @throws NoSuchElementException   when there is no such skill
     */
    public FakeVersion createVersionOutOfBand(String skillId, Map<String, byte[]> files) {
        return outOfBand(() -> {
            store.requireSkill(skillId);
            return store.createVersion(skillId, SkillUpload.validate(files, settings.maxUploadBytes()));
        });
    }

    /**
     * Removes a skill and all its versions at once, as someone cleaning up with other tools might.
     *
     * @throws NoSuchElementException when there is no such skill
     */
    public void deleteSkillOutOfBand(String skillId) {
        if (!store.removeSkill(skillId)) {
            throw new NoSuchElementException("Skill '" + skillId + "' not found.");
        }
    }

    public void injectFault(Fault fault) {
        faults.inject(fault);
    }

    /**
     * The next request with this method and a path (without query) fully matching the regex is
     * applied as usual, but the connection is closed instead of answered, so the client sees an
     * IOException without knowing whether its request took effect.
     */
    public void loseNextResponse(String method, String pathRegex) {
        faults.loseNextResponse(method, pathRegex);
    }

    /** Forgets all skills, faults, lost responses and calls, and restores the default keys and limits. */
    public void reset() {
        store.clear();
        faults.clear();
        calls.clear();
        settings.restoreDefaults();
    }

    @Override
    public void close() {
        stopListening();
    }

    private static void shutDown(MockWebServer server) {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the fake Skills API", e);
        }
    }

    /** Runs a change outside HTTP, turning the API's errors into the exceptions Java callers expect. */
    private static <T> T outOfBand(Supplier<T> change) {
        try {
            return change.get();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new NoSuchElementException(e.getMessage());
            }
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
