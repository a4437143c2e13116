package dev.skillsync.reconciler;

import static dev.skillsync.testing.SkillFixtures.asBytes;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skillsync.content.SkillBundle;
import dev.skillsync.content.SkillFiles;
import dev.skillsync.content.SkillValidator;
import dev.skillsync.failure.SkillFailure;
import dev.skillsync.fake.FakeDialect;
import dev.skillsync.fake.FakeSkill;
import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.resource.PendingCreate;
import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillVersionStatus;
import dev.skillsync.skillsapi.ApiCallObserver;
import dev.skillsync.skillsapi.ApiKey;
import dev.skillsync.skillsapi.BetaDialect;
import dev.skillsync.skillsapi.GaDialect;
import dev.skillsync.skillsapi.SkillsApiClient;
import dev.skillsync.skillsapi.SkillsApiSettings;
import dev.skillsync.skillsapi.WireDialect;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paths the GA dialect adds to a sync, with the real synchronizer and client against the fake in GA mode (which
 * also serves beta requests, as the server does): recovery among same-named skills, comparison without a download, and
 * a switch between the dialects.
 */
class WireDialectSyncTest {

    private static final String TITLE = "team-a/pdf-tools";
    private static final ApiKey KEY = ApiKey.of(FakeSkillsApi.DEFAULT_KEY);
    private static final long MAX_BYTES = 1024 * 1024;

    private FakeSkillsApi fake;
    private final List<SkillsApiClient> clients = new ArrayList<>();
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void start() {
        fake = FakeSkillsApi.start(FakeDialect.GA);
    }

    @AfterEach
    void stop() {
        clients.forEach(SkillsApiClient::close);
        fake.close();
    }

    @Test
    void severalSameNamedSkillsCarryingTheUploadStallTheRecoveryNamingThemAndNothingIsDeleted() {
        FakeSkill first = fake.createSkillOutOfBand(TITLE, remoteFiles("pdf-tools", "Extracts text.", "v1\n"));
        FakeSkill second = fake.createSkillOutOfBand(TITLE, remoteFiles("pdf-tools", "Extracts text.", "v2\n"));
        fake.clearCalls();

        SkillFailure failure = catchThrowableOfType(
                SkillFailure.class,
                () -> synchronizer(new GaDialect())
                        .sync(pendingRequest(desired("pdf-tools", "Extracts text.", "v1\n"), Instant.now()), progress));

        assertThat(failure.reason()).isEqualTo(SkillConditions.AMBIGUOUS_CREATE);
        assertThat(failure.needsPerson()).isTrue();
        assertThat(failure.getMessage()).contains(first.id(), second.id(), "skillsync.dev/skill-id");
        assertThat(fake.skills()).hasSize(2);
        assertThat(fake.writeCalls()).isZero();
    }

    @Test
    void recoveryAdoptsTheOneNamesakeThatCarriesTheUploadedNameAndDescription() throws Exception {
        FakeSkill ours = fake.createSkillOutOfBand(TITLE, remoteFiles("pdf-tools", "Extracts text.", "v1\n"));
        fake.createSkillOutOfBand(TITLE, remoteFiles("pdf-tools", "Someone else's.", "v1\n"));
        fake.createSkillOutOfBand("another title", remoteFiles("pdf-tools", "Extracts text.", "v1\n"));

        RemoteState state = synchronizer(new GaDialect())
                .sync(pendingRequest(desired("pdf-tools", "Extracts text.", "v1\n"), Instant.now()), progress);

        assertThat(state.skillId()).isEqualTo(ours.id());
        assertThat(progress.identified).isNotEmpty().containsOnly(ours.id());
        assertThat(fake.versions(ours.id())).hasSize(1);
        assertThat(fake.skills()).hasSize(3);
        assertThat(progress.events)
                .anyMatch(e -> e.startsWith("SkillAdopted"))
                .anyMatch(e -> e.startsWith(SkillSynchronizer.REMOTE_COMPARED) && e.contains("by downloading it"));
    }

    @Test
    void aNamesakeCreatedBeforeThePendingCreateWasRecordedIsNotOursAndANewSkillIsCreated() throws Exception {
        FakeSkill older = fake.createSkillOutOfBand(TITLE, remoteFiles("pdf-tools", "Extracts text.", "v1\n"));
        Instant recordedLater = Instant.now().plus(SkillSynchronizer.CLOCK_SKEW).plus(Duration.ofMinutes(1));

        RemoteState state = synchronizer(new GaDialect())
                .sync(pendingRequest(desired("pdf-tools", "Extracts text.", "v1\n"), recordedLater), progress);

        assertThat(state.skillId()).isNotEqualTo(older.id());
        assertThat(fake.skills()).extracting(FakeSkill::id).containsExactlyInAnyOrder(older.id(), state.skillId());
        assertThat(fake.versions(older.id())).hasSize(1);
    }

    @Test
    void withoutADownloadAnAdoptedSkillGetsOneUploadAndAnUnknownLatestIsDrift() throws Exception {
        FakeSkill existing = fake.createSkillOutOfBand(TITLE, remoteFiles("pdf-tools", "Extracts text.", "v1\n"));
        fake.retireBeta();
        SkillSynchronizer synchronizer = synchronizer(new GaDialect());
        SkillBundle desired = desired("pdf-tools", "Extracts text.", "v1\n");

        RemoteState adopted = synchronizer.sync(
                new SyncRequest(KEY, TITLE, desired, existing.id(), null, null, List.of(), 10, false, null, false),
                progress);

        assertThat(fake.versions(existing.id())).hasSize(2);
        assertThat(adopted.latestVersion())
                .isEqualTo(fake.versions(existing.id()).get(1).version());
        assertThat(progress.events)
                .anyMatch(e -> e.startsWith(SkillSynchronizer.REMOTE_COMPARED)
                        && e.contains("serves no download")
                        && e.contains("by the version IDs in status"));
        assertThat(fake.calls())
                .filteredOn(c -> c.path().endsWith("/content"))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(400))
                .isNotEmpty();

        // Known latest: no call beyond the skill itself, no upload.
        long versionsBefore = fake.versions(existing.id()).size();
        RemoteState again = synchronizer.sync(recorded(desired, adopted), progress);
        assertThat(again.latestVersion()).isEqualTo(adopted.latestVersion());
        assertThat(fake.versions(existing.id())).hasSize((int) versionsBefore);

        // A latest status does not know is drift: it gets the desired content.
        fake.createVersionOutOfBand(existing.id(), remoteFiles("pdf-tools", "Extracts text.", "tampered\n"));
        RemoteState repaired = synchronizer.sync(recorded(desired, again), progress);
        assertThat(fake.versions(existing.id())).hasSize(4);
        assertThat(new String(
                        fake.versions(existing.id()).get(3).files().get("pdf-tools/run.py"), StandardCharsets.UTF_8))
                .isEqualTo("v1\n");
        assertThat(repaired.latestVersion())
                .isEqualTo(fake.versions(existing.id()).get(3).version());
    }

    @Test
    void switchingFromBetaToGaAndBackCreatesNoVersionAndMapsTheRecordedVersions() throws Exception {
        SkillBundle v1 = desired("pdf-tools", "Extracts text.", "v1\n");
        SkillBundle v2 = desired("pdf-tools", "Extracts text.", "v2\n");
        SkillSynchronizer beta = synchronizer(new BetaDialect());
        RemoteState created = beta.sync(
                new SyncRequest(KEY, TITLE, v1, null, null, null, List.of(), 10, false, null, false), progress);
        RemoteState betaState = beta.sync(recorded(v2, created), progress);
        String skillId = betaState.skillId();
        assertThat(betaState.versions())
                .hasSize(2)
                .allSatisfy(v -> assertThat(v.getVersion()).matches("[0-9]+"));
        long writes = fake.writeCalls();

        RemoteState gaState = synchronizer(new GaDialect()).sync(recorded(v2, betaState), progress);

        List<String> gaIds =
                new ArrayList<>(fake.versions(skillId).stream().map(v -> v.id()).toList());
        Collections.reverse(gaIds);
        assertThat(gaState.latestVersion()).isEqualTo(gaIds.get(0));
        assertThat(gaState.versions())
                .extracting(SkillVersionStatus::getVersion)
                .containsExactlyElementsOf(gaIds);
        assertThat(gaState.versions())
                .extracting(SkillVersionStatus::getContentHash)
                .containsExactly(v2.contentHash(), v1.contentHash());
        assertThat(progress.events)
                .anyMatch(e -> e.startsWith(SkillSynchronizer.VERSIONS_REIDENTIFIED) && e.contains("'ga'"));

        RemoteState backToBeta = beta.sync(recorded(v2, gaState), progress);

        assertThat(backToBeta.latestVersion()).isEqualTo(betaState.latestVersion());
        assertThat(backToBeta.versions()).isEqualTo(betaState.versions());
        assertThat(fake.writeCalls()).isEqualTo(writes);
        assertThat(fake.skills()).extracting(FakeSkill::id).containsExactly(skillId);
        assertThat(fake.versions(skillId)).hasSize(2);
    }

    @Test
    void theSwitchToGaNeedsNoDownloadToKnowTheRecordedVersions() throws Exception {
        SkillBundle v1 = desired("pdf-tools", "Extracts text.", "v1\n");
        RemoteState betaState = synchronizer(new BetaDialect())
                .sync(new SyncRequest(KEY, TITLE, v1, null, null, null, List.of(), 10, false, null, false), progress);
        fake.retireBeta();
        long writes = fake.writeCalls();

        RemoteState gaState = synchronizer(new GaDialect()).sync(recorded(v1, betaState), progress);

        assertThat(gaState.latestVersion())
                .isEqualTo(fake.versions(betaState.skillId()).get(0).id());
        assertThat(gaState.contentHash()).isEqualTo(v1.contentHash());
        assertThat(fake.writeCalls()).isEqualTo(writes);
        assertThat(fake.calls()).noneMatch(c -> c.path().endsWith("/content"));
    }

    @Test
    void gaDeletesTheSkillWithItsVersionsInOneCall() throws Exception {
        SkillSynchronizer ga = synchronizer(new GaDialect());
        RemoteState created = ga.sync(
                new SyncRequest(
                        KEY,
                        TITLE,
                        desired("pdf-tools", "Extracts text.", "v1\n"),
                        null,
                        null,
                        null,
                        List.of(),
                        10,
                        false,
                        null,
                        false),
                progress);
        ga.sync(recorded(desired("pdf-tools", "Extracts text.", "v2\n"), created), progress);
        fake.clearCalls();

        ga.deleteRemote(KEY, created.skillId());

        assertThat(fake.skill(created.skillId())).isEmpty();
        assertThat(fake.calls())
                .extracting(c -> c.method() + " " + c.path())
                .containsExactly("DELETE /v1/skills/" + created.skillId());
    }

    @Test
    void aDisplayTitleTheGaApiWouldRefuseIsInvalidSpecBeforeAnyCall() throws Exception {
        SkillBundle desired = desired("pdf-tools", "Extracts text.", "v1\n");
        for (String title : List.of("x".repeat(256), "two\nlines")) {
            SkillFailure failure = catchThrowableOfType(
                    SkillFailure.class,
                    () -> synchronizer(new GaDialect())
                            .sync(
                                    new SyncRequest(
                                            KEY, title, desired, null, null, null, List.of(), 10, false, null, false),
                                    progress));

            assertThat(failure.reason()).isEqualTo(SkillConditions.INVALID_SPEC);
            assertThat(failure.needsPerson()).isTrue();
            assertThat(failure.getMessage()).contains("spec.displayTitle");
        }
        assertThat(fake.calls()).isEmpty();
    }

    private SkillSynchronizer synchronizer(WireDialect dialect) {
        SkillsApiClient client = new SkillsApiClient(
                new SkillsApiSettings(
                        fake.baseUrl(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        0,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        4,
                        MAX_BYTES),
                dialect,
                ApiCallObserver.NONE);
        clients.add(client);
        return new SkillSynchronizer(client, MAX_BYTES, Clock.systemUTC());
    }

    private static SyncRequest pendingRequest(SkillBundle desired, Instant recordedAt) {
        return new SyncRequest(
                KEY,
                TITLE,
                desired,
                null,
                null,
                new PendingCreate(TITLE, desired.contentHash(), recordedAt.toString()),
                List.of(),
                10,
                false,
                null,
                false);
    }

    /** The next sync's request after a sync that ended in this state, as status records it. */
    private static SyncRequest recorded(SkillBundle desired, RemoteState state) {
        return new SyncRequest(
                KEY, TITLE, desired, state.skillId(), state.skillId(), null, state.versions(), 10, false, null, false);
    }

    private static SkillBundle desired(String name, String description, String script) throws Exception {
        return new SkillValidator(MAX_BYTES).validate(SkillFiles.of(asBytes(files(name, description, script))));
    }

    private static SortedMap<String, byte[]> remoteFiles(String name, String description, String script) {
        return under(name, asBytes(files(name, description, script)));
    }

    /** Records what a sync reports, as the reconciler would show it. */
    private static final class RecordingProgress implements SyncProgress {

        final List<String> identified = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        @Override
        public void createStarting(PendingCreate pendingCreate) {}

        @Override
        public void versionUploadStarting(String skillId, String contentHash) {}

        @Override
        public void skillIdentified(String skillId) {
            identified.add(skillId);
        }

        @Override
        public void versionCreated(String skillId, String version, String contentHash) {
            events.add("VersionCreated " + version);
        }

        @Override
        public void versionsPruned(String skillId, List<String> versions, int kept) {
            events.add("VersionsPruned " + versions);
        }

        @Override
        public void normalEvent(String reason, String message) {
            events.add(reason + " " + message);
        }

        @Override
        public void warningEvent(String reason, String message) {
            events.add(reason + " " + message);
        }
    }
}
