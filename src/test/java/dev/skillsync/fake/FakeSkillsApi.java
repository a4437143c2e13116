package dev.skillsync.fake;

import dev.skillsync.testing.CallHold;
import dev.skillsync.testing.CallHolds;
import dev.skillsync.testing.HttpCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.mockwebserver.MockWebServer;

/**
 * An in-process fake of the Claude Skills API: the same endpoints, JSON shapes, validation rules and
 * error envelopes, kept in memory. Started in the {@link FakeDialect#BETA beta} dialect it is the API
 * as served with {@code anthropic-beta: skills-2025-10-02}; in {@link FakeDialect#GA GA} it serves the
 * GA shapes to requests without that header (strictly: unknown fields and parameters are refused)
 * and the beta shapes to requests with it. Tests and the local-mode runner point the operator at
 * {@link #baseUrl()}, then inspect the state (as the fake's dialect identifies versions) and the
 * recorded calls, change skills behind the operator's back, and inject faults.
 *
 * <p>Safe to call from any thread while requests are served concurrently.
 */
public final class FakeSkillsApi implements AutoCloseable {

    /** The API key the fake accepts until {@link #revokeKey(String) revoked}. */
    public static final String DEFAULT_KEY = "sk-ant-fake-local-key";
    /** The real server's limit on the total size of a skill's files. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 30L * 1024 * 1024;

    private final FakeSettings settings = new FakeSettings();
    private final SkillStore store = new SkillStore(new VersionClock(Clock.systemUTC()), settings);
    private final FaultPlan faults = new FaultPlan();
    private final CallLog calls = new CallLog();
    private final CallHolds<HttpCall> holdsOnReceipt = new CallHolds<>();
    private final CallHolds<HttpCall> holdsOnceProcessed = new CallHolds<>();
    private final FakeDialect dialect;
    private final SkillsApiDispatcher dispatcher;
    private final int port;
    /** Null while the fake does not listen. */
    private MockWebServer server;

    private FakeSkillsApi(int port, FakeDialect dialect) {
        this.dialect = dialect;
        this.dispatcher =
                new SkillsApiDispatcher(dialect, store, settings, faults, calls, holdsOnReceipt, holdsOnceProcessed);
        this.port = listen(port).getPort();
    }

    /** A new server on the port: a MockWebServer cannot start again once shut down. */
    private synchronized MockWebServer listen(int onPort) {
        MockWebServer started = new MockWebServer();
        started.setServerSocketFactory(new NoDelayServerSockets());
        started.setDispatcher(dispatcher);
        try {
            started.start(InetAddress.getByName("127.0.0.1"), onPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake Skills API on 127.0.0.1:" + onPort, e);
        }
        server = started;
        return started;
    }

    /** Starts the fake, beta dialect, on 127.0.0.1 on a free port. */
    public static FakeSkillsApi start() {
        return start(FakeDialect.BETA);
    }

    /** Starts the fake in the given dialect on 127.0.0.1 on a free port. */
    public static FakeSkillsApi start(FakeDialect dialect) {
        return new FakeSkillsApi(0, dialect);
    }

    public FakeDialect dialect() {
        return dialect;
    }

    /** Lets requests with this key send {@code anthropic-workspace-id: workspaceId}; any other value gets 403. */
    public void allowWorkspace(String key, String workspaceId) {
        settings.allowWorkspace(key, workspaceId);
    }

    /**
     * From now on requests with the beta header get 400, as when the server stops honouring it: a
     * GA client's download of the beta content endpoint is refused. Only for the GA dialect.
     */
    public void retireBeta() {
        if (dialect != FakeDialect.GA) {
            throw new IllegalStateException("Retiring the beta header leaves a beta fake nothing to serve");
        }
        settings.betaRetired(true);
    }

    /** Undoes {@link #retireBeta()}, for a test that shares the fake with others. */
    public void honourBeta() {
        settings.betaRetired(false);
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

    /**
     * From now on a display title may be reused, as the beta API forbids. Lets tests build the state a create
     * recovery must refuse to guess in: several skills with one title and the same content.
     */
    public void allowReusedTitles() {
        settings.allowReusedTitles();
    }

    /** Every skill, oldest first. */
    public List<FakeSkill> skills() {
        return store.skills(dialect);
    }

    public Optional<FakeSkill> skill(String id) {
        return store.skill(id, dialect);
    }

    /** The skill's versions, oldest first, as the fake's dialect identifies them; empty for an unknown skill. */
    public List<FakeVersion> versions(String skillId) {
        return store.versions(skillId, dialect);
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
        return outOfBand(
                () -> store.createSkill(displayTitle, SkillUpload.validate(files, settings.maxUploadBytes()), dialect));
    }

    /**
     * Creates a version as another API user would; the same rules apply as over HTTP.
     *
     * @throws IllegalArgumentException with the server's message when the API would reject the upload
     * @throws NoSuchElementException   when there is no such skill
     */
    public FakeVersion createVersionOutOfBand(String skillId, Map<String, byte[]> files) {
        return outOfBand(() -> {
            store.requireSkill(skillId, dialect);
            return store.createVersion(skillId, SkillUpload.validate(files, settings.maxUploadBytes()))
                    .identifiedAs(dialect);
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

    /**
     * Holds the next call the predicate accepts as soon as it is received, before it changes anything. Released, it is
     * handled and answered as usual; dropped, it changes nothing and the connection is closed unanswered (the call is
     * then not recorded).
     *
     * @param description names the call in failure messages, e.g. "POST /v1/skills"
     */
    public CallHold holdWhenReceived(String description, Predicate<HttpCall> call) {
        return holdsOnReceipt.arm(description, call);
    }

    /**
     * Holds the next call the predicate accepts once it has been handled, its effect made, before it is answered.
     * Released, it is answered (to a client that may be gone by then); dropped, the connection is closed unanswered and
     * the call recorded with its response lost.
     *
     * @param description names the call in failure messages, e.g. "POST /v1/skills"
     */
    public CallHold holdWhenProcessed(String description, Predicate<HttpCall> call) {
        return holdsOnceProcessed.arm(description, call);
    }

    /** Disarms every hold and drops every call still held. */
    public void dropHolds() {
        holdsOnReceipt.dropAll();
        holdsOnceProcessed.dropAll();
    }

    /** Forgets all skills, faults, lost responses, holds and calls, and restores the default keys and limits. */
    public void reset() {
        dropHolds();
        store.clear();
        faults.clear();
        calls.clear();
        settings.restoreDefaults();
    }

    @Override
    public void close() {
        dropHolds();
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
