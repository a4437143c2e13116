package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.skillsync.content.InvalidContentException;
import dev.skillsync.content.SkillBundle;
import dev.skillsync.content.SkillFiles;
import dev.skillsync.content.SkillValidator;
import dev.skillsync.failure.SkillFailure;
import dev.skillsync.fake.FakeSkill;
import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.fake.FakeVersion;
import dev.skillsync.fake.Fault;
import dev.skillsync.fake.RecordedCall;
import dev.skillsync.reconciler.RecordingProgress.CreateStarting;
import dev.skillsync.reconciler.RecordingProgress.Event;
import dev.skillsync.reconciler.RecordingProgress.SkillIdentified;
import dev.skillsync.reconciler.RecordingProgress.VersionCreated;
import dev.skillsync.reconciler.RecordingProgress.VersionUploadStarting;
import dev.skillsync.reconciler.RecordingProgress.VersionsPruned;
import dev.skillsync.resource.PendingCreate;
import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillVersionStatus;
import dev.skillsync.skillsapi.ApiCallObserver;
import dev.skillsync.skillsapi.ApiKey;
import dev.skillsync.skillsapi.BetaDialect;
import dev.skillsync.skillsapi.SkillsApiClient;
import dev.skillsync.skillsapi.SkillsApiException;
import dev.skillsync.skillsapi.SkillsApiSettings;
import dev.skillsync.testing.SkillFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The sync algorithm on its own, against the fake Skills API through the real client: what the remote ends up
 * holding, what the cluster is told along the way, and which calls it took. The client does not retry here, so an
 * injected fault reaches the synchronizer as it is.
 */
class SkillSynchronizerTest {

    private static final ApiKey KEY = ApiKey.of(FakeSkillsApi.DEFAULT_KEY);
    private static final long MAX_CONTENT_BYTES = 1024 * 1024;
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String TITLE = "team-a/pdf-tools";
    private static final String OTHER_TITLE = "team-b/other";

    private FakeSkillsApi fake;
    private SkillsApiClient client;
    private SkillSynchronizer synchronizer;
    private RecordingProgress progress;

    private final SkillBundle v1 = bundle("pdf-tools", "print('one')");
    private final SkillBundle v2 = bundle("pdf-tools", "print('two')");
    private final SkillBundle v3 = bundle("pdf-tools", "print('three')");
    private final SkillBundle v4 = bundle("pdf-tools", "print('four')");

    @BeforeEach
    void start() {
        fake = FakeSkillsApi.start();
        client = new SkillsApiClient(
                new SkillsApiSettings(
                        fake.baseUrl(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        0,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        4,
                        MAX_CONTENT_BYTES),
                new BetaDialect(),
                ApiCallObserver.NONE);
        synchronizer = synchronizerReadingAtMost(MAX_CONTENT_BYTES);
        progress = new RecordingProgress();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Nested
    class Create {

        @Test
        void aSkillWithoutIdIsCreatedWithItsContentAfterTheIntentIsRecorded() throws Exception {
            RemoteState state = synchronizer.sync(request(v1).build(), progress);

            FakeSkill created = onlySkill();
            assertThat(created.displayTitle()).isEqualTo(TITLE);
            assertThat(filesOf(fake.versions(created.id())))
                    .containsExactly(v1.uploadFiles().keySet());
            assertThat(fake.versions(created.id()).get(0).files().get("pdf-tools/run.py"))
                    .isEqualTo("print('one')".getBytes(StandardCharsets.UTF_8));
            assertThat(progress.steps())
                    .containsExactly(
                            new CreateStarting(new PendingCreate(TITLE, v1.contentHash(), NOW.toString())),
                            new SkillIdentified(created.id()),
                            Event.normal("SkillCreated"));
            assertThat(state.skillId()).isEqualTo(created.id());
            assertThat(state.latestVersion()).isEqualTo(created.latestVersion());
            assertThat(state.contentHash()).isEqualTo(v1.contentHash());
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion, SkillVersionStatus::getContentHash)
                    .containsExactly(tuple(created.latestVersion(), v1.contentHash()));
            assertThat(calls()).containsExactly("POST /v1/skills");
        }

        @Test
        void aRecordedSkillDeletedOutOfBandIsCreatedAgainWithAWarning() throws Exception {
            FakeSkill gone = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            fake.deleteSkillOutOfBand(gone.id());

            RemoteState state = synchronizer.sync(
                    request(v1)
                            .recorded(gone.id())
                            .known(new SkillVersionStatus(gone.latestVersion(), v1.contentHash(), null))
                            .build(),
                    progress);

            FakeSkill recreated = onlySkill();
            assertThat(recreated.id()).isNotEqualTo(gone.id());
            assertThat(state.skillId()).isEqualTo(recreated.id());
            assertThat(progress.steps())
                    .containsExactly(
                            Event.warning("RemoteSkillRecreated"),
                            new CreateStarting(new PendingCreate(TITLE, v1.contentHash(), NOW.toString())),
                            new SkillIdentified(recreated.id()),
                            Event.normal("SkillCreated"));
            assertThat(progress.messageOf("RemoteSkillRecreated")).contains(gone.id());
        }

        @Test
        void aCreateRefusedForAnotherReasonThanTheTitleFailsAsTheApiSaid() {
            fake.injectFault(Fault.on("POST", "/v1/skills")
                    .status(400)
                    .message("files: too many files")
                    .build());

            SkillsApiException e =
                    apiFailureOf(() -> synchronizer.sync(request(v1).build(), progress));

            assertThat(e.status()).isEqualTo(400);
            assertThat(e.apiMessage()).isEqualTo("files: too many files");
            assertThat(fake.skills()).isEmpty();
            assertThat(calls()).containsExactly("POST /v1/skills");
        }

        @Test
        void aServerErrorOnCreatePropagatesAfterTheIntentIsRecorded() {
            fake.injectFault(Fault.on("POST", "/v1/skills").status(503).build());

            SkillsApiException e =
                    apiFailureOf(() -> synchronizer.sync(request(v1).build(), progress));

            assertThat(e.status()).isEqualTo(503);
            assertThat(fake.skills()).isEmpty();
            assertThat(progress.steps())
                    .containsExactly(new CreateStarting(new PendingCreate(TITLE, v1.contentHash(), NOW.toString())));
        }
    }

    @Nested
    class Recovery {

        @Test
        void aCreateWhoseAnswerWasLostIsAdoptedNotRepeated() throws Exception {
            fake.loseNextResponse("POST", "/v1/skills");
            SkillsApiException lost =
                    apiFailureOf(() -> synchronizer.sync(request(v1).build(), progress));
            assertThat(lost.status()).isZero();
            PendingCreate pending = ((CreateStarting) progress.steps().get(0)).pendingCreate();
            FakeSkill created = onlySkill();
            fake.clearCalls();
            RecordingProgress retry = new RecordingProgress();

            RemoteState state = synchronizer.sync(request(v1).pending(pending).build(), retry);

            assertThat(fake.skills()).extracting(FakeSkill::id).containsExactly(created.id());
            assertThat(fake.versions(created.id())).hasSize(1);
            assertThat(state.skillId()).isEqualTo(created.id());
            assertThat(state.contentHash()).isEqualTo(v1.contentHash());
            assertThat(retry.steps())
                    .startsWith(new SkillIdentified(created.id()), Event.normal("SkillAdopted"))
                    .doesNotHaveAnyElementsOfTypes(CreateStarting.class, VersionUploadStarting.class);
            assertThat(writes()).isEmpty();
            // Recovery read the content once to recognise it; the sync after it knew the hash.
            assertThat(downloads()).isEqualTo(1);
        }

        @Test
        void aCreateThatNeverHappenedIsMadeAgain() throws Exception {
            fake.createSkillOutOfBand(OTHER_TITLE, v1.uploadFiles());
            PendingCreate pending = new PendingCreate(TITLE, v1.contentHash(), "2026-11-22T09:00:00Z");

            RemoteState state = synchronizer.sync(request(v1).pending(pending).build(), progress);

            assertThat(fake.skills()).extracting(FakeSkill::displayTitle).containsExactly(OTHER_TITLE, TITLE);
            FakeSkill created = fake.skills().get(1);
            assertThat(state.skillId()).isEqualTo(created.id());
            assertThat(progress.steps())
                    .containsExactly(
                            new CreateStarting(new PendingCreate(TITLE, v1.contentHash(), NOW.toString())),
                            new SkillIdentified(created.id()),
                            Event.normal("SkillCreated"));
        }

        @Test
        void severalSkillsWithTheTitleAndTheContentAreLeftToAPerson() {
            fake.allowReusedTitles();
            FakeSkill first = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            FakeSkill second = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            PendingCreate pending = new PendingCreate(TITLE, v1.contentHash(), "2026-11-22T09:00:00Z");

            SkillFailure failure = skillFailureOf(
                    () -> synchronizer.sync(request(v1).pending(pending).build(), progress));

            assertThat(failure.reason()).isEqualTo(SkillConditions.AMBIGUOUS_CREATE);
            assertThat(failure.needsPerson()).isTrue();
            assertThat(failure.getMessage()).contains(first.id(), second.id(), "skillsync.dev/skill-id");
            assertThat(fake.skills()).hasSize(2);
            assertThat(progress.steps()).isEmpty();
            assertThat(writes()).isEmpty();
        }

        @Test
        void aTitleHeldByAnotherSkillIsATitleConflictBeforeAnyCreate() {
            FakeSkill theirs = fake.createSkillOutOfBand(TITLE, v2.uploadFiles());
            PendingCreate pending = new PendingCreate(TITLE, v1.contentHash(), "2026-11-22T09:00:00Z");

            SkillFailure failure = skillFailureOf(
                    () -> synchronizer.sync(request(v1).pending(pending).build(), progress));

            assertThat(failure.reason()).isEqualTo(SkillConditions.TITLE_CONFLICT);
            assertThat(failure.needsPerson()).isTrue();
            assertThat(failure.getMessage()).contains(TITLE, theirs.id(), "spec.displayTitle");
            assertThat(fake.skills()).containsExactly(theirs);
            assertThat(fake.versions(theirs.id())).hasSize(1);
            assertThat(progress.steps()).isEmpty();
            assertThat(writes()).isEmpty();
        }

        @Test
        void aSkillWithTheTitleWhoseContentCannotBeReadIsNotTakenForOurs() {
            FakeSkill unreadable = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            SkillSynchronizer strict = synchronizerReadingAtMost(16);
            PendingCreate pending = new PendingCreate(TITLE, v1.contentHash(), "2026-11-22T09:00:00Z");

            SkillFailure failure = skillFailureOf(
                    () -> strict.sync(request(v1).pending(pending).build(), progress));

            assertThat(failure.reason()).isEqualTo(SkillConditions.TITLE_CONFLICT);
            assertThat(failure.getMessage()).contains(unreadable.id());
            assertThat(progress.steps()).isEmpty();
        }

        @Test
        void aTitleClashOnCreateWithOurOwnContentAdoptsThatSkill() throws Exception {
            // An earlier create succeeded but its pending record was lost with the status.
            FakeSkill ours = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());

            RemoteState state = synchronizer.sync(request(v1).build(), progress);

            assertThat(fake.skills()).containsExactly(ours);
            assertThat(fake.versions(ours.id())).hasSize(1);
            assertThat(state.skillId()).isEqualTo(ours.id());
            assertThat(state.latestVersion()).isEqualTo(ours.latestVersion());
            assertThat(progress.steps())
                    .containsExactly(
                            new CreateStarting(new PendingCreate(TITLE, v1.contentHash(), NOW.toString())),
                            new SkillIdentified(ours.id()),
                            Event.normal("SkillAdopted"));
            assertThat(fake.calls())
                    .filteredOn(RecordedCall::isWrite)
                    .extracting(RecordedCall::status)
                    .containsExactly(400);
            assertThat(downloads()).isEqualTo(1);
        }

        @Test
        void aTitleClashOnCreateWithOtherContentIsATitleConflictQuotingTheApi() {
            FakeSkill theirs = fake.createSkillOutOfBand(TITLE, v2.uploadFiles());

            SkillFailure failure =
                    skillFailureOf(() -> synchronizer.sync(request(v1).build(), progress));

            assertThat(failure.reason()).isEqualTo(SkillConditions.TITLE_CONFLICT);
            assertThat(failure.needsPerson()).isTrue();
            assertThat(failure.getMessage()).contains(theirs.id(), "display_title");
            assertThat(fake.skills()).containsExactly(theirs);
            assertThat(fake.versions(theirs.id())).hasSize(1);
        }
    }

    @Nested
    class Adopt {

        @Test
        void anAnnotatedSkillWithTheSameContentIsAdoptedWithoutUpload() throws Exception {
            FakeSkill existing = fake.createSkillOutOfBand(OTHER_TITLE, v1.uploadFiles());

            RemoteState state =
                    synchronizer.sync(request(v1).annotated(existing.id()).build(), progress);

            assertThat(state.skillId()).isEqualTo(existing.id());
            assertThat(state.latestVersion()).isEqualTo(existing.latestVersion());
            assertThat(fake.versions(existing.id())).hasSize(1);
            assertThat(progress.steps())
                    .containsExactly(
                            new SkillIdentified(existing.id()), new Event("Normal", SkillSynchronizer.REMOTE_COMPARED));
            assertThat(writes()).isEmpty();
        }

        @Test
        void anAnnotatedSkillWithOtherContentGetsOneNewVersion() throws Exception {
            FakeSkill existing = fake.createSkillOutOfBand(OTHER_TITLE, v1.uploadFiles());

            RemoteState state =
                    synchronizer.sync(request(v2).annotated(existing.id()).build(), progress);

            List<FakeVersion> versions = fake.versions(existing.id());
            assertThat(versions).hasSize(2);
            FakeVersion uploaded = versions.get(1);
            assertThat(uploaded.files().get("pdf-tools/run.py"))
                    .isEqualTo("print('two')".getBytes(StandardCharsets.UTF_8));
            assertThat(state.latestVersion()).isEqualTo(uploaded.version());
            assertThat(progress.steps())
                    .containsExactly(
                            new SkillIdentified(existing.id()),
                            new Event("Normal", SkillSynchronizer.REMOTE_COMPARED),
                            new VersionUploadStarting(existing.id(), v2.contentHash()),
                            new VersionCreated(existing.id(), uploaded.version(), v2.contentHash()));
            assertThat(writes()).containsExactly("POST /v1/skills/" + existing.id() + "/versions");
        }

        @Test
        void anAdoptedSkillIsPrunedToTheRetentionAtOnce() throws Exception {
            List<String> versions = skillWithVersions(v1, v2, v3);
            String skillId = onlySkill().id();

            RemoteState state = synchronizer.sync(
                    request(v3).annotated(skillId).maxVersions(2).build(), progress);

            assertThat(remoteVersions(skillId)).containsExactly(versions.get(1), versions.get(2));
            assertThat(progress.steps())
                    .containsExactly(
                            new SkillIdentified(skillId),
                            new Event("Normal", SkillSynchronizer.REMOTE_COMPARED),
                            new VersionsPruned(skillId, List.of(versions.get(0)), 2));
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion)
                    .containsExactly(versions.get(2), versions.get(1));
        }

        @Test
        void anAnnotationNamingNoSkillIsSkillNotFoundAndCreatesNothing() {
            SkillFailure failure = skillFailureOf(() ->
                    synchronizer.sync(request(v1).annotated("skill_missing").build(), progress));

            assertThat(failure.reason()).isEqualTo(SkillConditions.SKILL_NOT_FOUND);
            assertThat(failure.needsPerson()).isTrue();
            assertThat(failure.getMessage()).contains("skill_missing", "skillsync.dev/skill-id");
            assertThat(fake.skills()).isEmpty();
            assertThat(progress.steps()).isEmpty();
        }
    }

    @Nested
    class Version {

        @Test
        void unchangedContentWithAKnownHashNeedsOneReadAndNoUpload() throws Exception {
            FakeSkill skill = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            SkillVersionStatus known =
                    new SkillVersionStatus(skill.latestVersion(), v1.contentHash(), "2026-11-22T09:00:00Z");

            RemoteState state = synchronizer.sync(
                    request(v1).recorded(skill.id()).known(known).build(), progress);

            assertThat(calls()).containsExactly("GET /v1/skills/" + skill.id());
            assertThat(state.versions()).containsExactly(known);
            assertThat(progress.steps()).isEmpty();
        }

        @Test
        void unchangedContentWithoutAKnownHashIsDownloadedOnceAndNotUploaded() throws Exception {
            FakeSkill skill = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());

            RemoteState state =
                    synchronizer.sync(request(v1).recorded(skill.id()).build(), progress);

            // A latest version status does not record is listed once, so status holds the remote versions whole.
            assertThat(calls())
                    .containsExactly(
                            "GET /v1/skills/" + skill.id(),
                            "GET /v1/skills/" + skill.id() + "/versions/" + skill.latestVersion() + "/content",
                            "GET /v1/skills/" + skill.id() + "/versions");
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion, SkillVersionStatus::getContentHash)
                    .containsExactly(tuple(skill.latestVersion(), v1.contentHash()));
            // The comparison by download is said in an Event; nothing else happens.
            assertThat(progress.steps()).containsExactly(new Event("Normal", SkillSynchronizer.REMOTE_COMPARED));
        }

        @Test
        void changedContentIsUploadedAsExactlyOneVersion() throws Exception {
            FakeSkill skill = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            SkillVersionStatus known =
                    new SkillVersionStatus(skill.latestVersion(), v1.contentHash(), "2026-11-22T09:00:00Z");

            RemoteState state = synchronizer.sync(
                    request(v2).recorded(skill.id()).known(known).build(), progress);

            List<FakeVersion> versions = fake.versions(skill.id());
            assertThat(versions).hasSize(2);
            String uploaded = versions.get(1).version();
            assertThat(writes()).containsExactly("POST /v1/skills/" + skill.id() + "/versions");
            assertThat(downloads()).isZero();
            assertThat(progress.steps())
                    .containsExactly(
                            new VersionUploadStarting(skill.id(), v2.contentHash()),
                            new VersionCreated(skill.id(), uploaded, v2.contentHash()));
            assertThat(state.latestVersion()).isEqualTo(uploaded);
            assertThat(state.contentHash()).isEqualTo(v2.contentHash());
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion, SkillVersionStatus::getContentHash)
                    .containsExactly(tuple(uploaded, v2.contentHash()), tuple(skill.latestVersion(), v1.contentHash()));
        }

        @Test
        void aRenamedSkillIsInvalidContentBeforeAnyUpload() {
            FakeSkill skill = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            SkillBundle renamed = bundle("pdf-kit", "print('one')");

            SkillFailure failure = skillFailureOf(() -> synchronizer.sync(
                    request(renamed)
                            .recorded(skill.id())
                            .known(new SkillVersionStatus(skill.latestVersion(), v1.contentHash(), null))
                            .build(),
                    progress));

            assertThat(failure.reason()).isEqualTo(SkillConditions.INVALID_CONTENT);
            assertThat(failure.needsPerson()).isTrue();
            assertThat(failure.getMessage()).contains("'pdf-kit'", "'pdf-tools'", skill.id());
            assertThat(fake.versions(skill.id())).hasSize(1);
            assertThat(writes()).isEmpty();
            assertThat(progress.steps()).isEmpty();
        }

        @Test
        void aLatestVersionThatCannotBeReadIsARetriedApiError() {
            FakeSkill skill = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            SkillSynchronizer strict = synchronizerReadingAtMost(16);

            SkillFailure failure = skillFailureOf(
                    () -> strict.sync(request(v2).recorded(skill.id()).build(), progress));

            assertThat(failure.reason()).isEqualTo(SkillConditions.API_ERROR);
            assertThat(failure.needsPerson()).isFalse();
            assertThat(failure.getMessage()).contains(skill.latestVersion(), skill.id());
            assertThat(failure.getCause()).isInstanceOf(InvalidContentException.class);
            assertThat(fake.versions(skill.id())).hasSize(1);
            assertThat(writes()).isEmpty();
        }

        @Test
        void anApiFailureReadingTheSkillPropagatesAndNothingIsUploaded() {
            FakeSkill skill = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            fake.injectFault(
                    Fault.on("GET", "/v1/skills/" + skill.id()).status(500).build());

            SkillsApiException e = apiFailureOf(
                    () -> synchronizer.sync(request(v2).recorded(skill.id()).build(), progress));

            assertThat(e.status()).isEqualTo(500);
            assertThat(fake.versions(skill.id())).hasSize(1);
            assertThat(writes()).isEmpty();
            assertThat(progress.steps()).isEmpty();
        }

        @Test
        void aLatestVersionAddedOutOfBandWithTheDesiredContentIsRecordedWithItsCreationTime() throws Exception {
            FakeSkill skill = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            SkillVersionStatus known = new SkillVersionStatus(skill.latestVersion(), v1.contentHash(), null);
            FakeVersion added = fake.createVersionOutOfBand(skill.id(), v2.uploadFiles());

            RemoteState state = synchronizer.sync(
                    request(v2).recorded(skill.id()).known(known).build(), progress);

            assertThat(calls())
                    .containsExactly(
                            "GET /v1/skills/" + skill.id(),
                            "GET /v1/skills/" + skill.id() + "/versions/" + added.version() + "/content",
                            "GET /v1/skills/" + skill.id() + "/versions");
            assertThat(state.latestVersion()).isEqualTo(added.version());
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion, SkillVersionStatus::getContentHash)
                    .containsExactly(
                            tuple(added.version(), v2.contentHash()), tuple(skill.latestVersion(), v1.contentHash()));
            assertThat(state.versions().get(0).getCreatedAt()).isNotNull();
            assertThat(progress.steps()).containsExactly(new Event("Normal", SkillSynchronizer.REMOTE_COMPARED));
        }
    }

    @Nested
    class Prune {

        @Test
        void versionsBeyondTheRetentionAreDeletedOldestLast() throws Exception {
            List<String> versions = skillWithVersions(v1, v2, v3, v4);
            String skillId = onlySkill().id();

            RemoteState state = synchronizer.sync(
                    request(v4)
                            .recorded(skillId)
                            .maxVersions(2)
                            .pruneDue()
                            .known(new SkillVersionStatus(versions.get(3), v4.contentHash(), null))
                            .build(),
                    progress);

            assertThat(remoteVersions(skillId)).containsExactly(versions.get(2), versions.get(3));
            assertThat(progress.steps())
                    .containsExactly(new VersionsPruned(skillId, List.of(versions.get(1), versions.get(0)), 2));
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion, SkillVersionStatus::getContentHash)
                    .containsExactly(tuple(versions.get(3), v4.contentHash()), tuple(versions.get(2), null));
            assertThat(writes())
                    .containsExactly(
                            "DELETE /v1/skills/" + skillId + "/versions/" + versions.get(1),
                            "DELETE /v1/skills/" + skillId + "/versions/" + versions.get(0));
        }

        @Test
        void theLatestVersionIsKeptEvenWithARetentionOfZero() throws Exception {
            List<String> versions = skillWithVersions(v1, v2);
            String skillId = onlySkill().id();

            RemoteState state = synchronizer.sync(
                    request(v2)
                            .recorded(skillId)
                            .maxVersions(0)
                            .pruneDue()
                            .known(new SkillVersionStatus(versions.get(1), v2.contentHash(), null))
                            .build(),
                    progress);

            assertThat(remoteVersions(skillId)).containsExactly(versions.get(1));
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion)
                    .containsExactly(versions.get(1));
            assertThat(progress.steps()).containsExactly(new VersionsPruned(skillId, List.of(versions.get(0)), 0));
        }

        @Test
        void aVersionAlreadyGoneCountsAsDeleted() throws Exception {
            List<String> versions = skillWithVersions(v1, v2, v3);
            String skillId = onlySkill().id();
            fake.injectFault(Fault.on("DELETE", "/v1/skills/" + skillId + "/versions/" + versions.get(0))
                    .status(404)
                    .build());

            RemoteState state = synchronizer.sync(
                    request(v3)
                            .recorded(skillId)
                            .maxVersions(1)
                            .pruneDue()
                            .known(new SkillVersionStatus(versions.get(2), v3.contentHash(), null))
                            .build(),
                    progress);

            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion)
                    .containsExactly(versions.get(2));
            assertThat(progress.steps())
                    .containsExactly(new VersionsPruned(skillId, List.of(versions.get(1), versions.get(0)), 1));
            assertThat(fake.calls())
                    .filteredOn(RecordedCall::isWrite)
                    .extracting(RecordedCall::status)
                    .containsExactly(200, 404);
            assertThat(remoteVersions(skillId)).doesNotContain(versions.get(1));
        }

        @Test
        void nothingIsListedOrDeletedWhenPruningIsNotDue() throws Exception {
            List<String> versions = skillWithVersions(v1, v2, v3);
            String skillId = onlySkill().id();
            List<SkillVersionStatus> known = List.of(
                    new SkillVersionStatus(versions.get(2), v3.contentHash(), null),
                    new SkillVersionStatus(versions.get(1), v2.contentHash(), null),
                    new SkillVersionStatus(versions.get(0), v1.contentHash(), null));

            RemoteState state = synchronizer.sync(
                    request(v3)
                            .recorded(skillId)
                            .maxVersions(1)
                            .known(known.toArray(SkillVersionStatus[]::new))
                            .build(),
                    progress);

            assertThat(calls()).containsExactly("GET /v1/skills/" + skillId);
            assertThat(remoteVersions(skillId)).containsExactlyElementsOf(versions);
            assertThat(state.versions()).containsExactly(known.get(0));
            assertThat(progress.steps()).isEmpty();
        }

        @Test
        void aNewVersionMakesThePruneDue() throws Exception {
            List<String> versions = skillWithVersions(v1, v2);
            String skillId = onlySkill().id();

            RemoteState state = synchronizer.sync(
                    request(v3)
                            .recorded(skillId)
                            .maxVersions(2)
                            .known(new SkillVersionStatus(versions.get(1), v2.contentHash(), null))
                            .build(),
                    progress);

            String uploaded = state.latestVersion();
            assertThat(remoteVersions(skillId)).containsExactly(versions.get(1), uploaded);
            assertThat(fake.versions(skillId).get(1).files().get("pdf-tools/run.py"))
                    .isEqualTo("print('three')".getBytes(StandardCharsets.UTF_8));
            assertThat(progress.steps())
                    .containsExactly(
                            new VersionUploadStarting(skillId, v3.contentHash()),
                            new VersionCreated(skillId, uploaded, v3.contentHash()),
                            new VersionsPruned(skillId, List.of(versions.get(0)), 2));
        }
    }

    /** Status records the remote skill as it is: a change costs its writes and nothing else. */
    @Nested
    class AsRecorded {

        @Test
        void aContentChangeIsOneUploadWithoutAnyRead() throws Exception {
            List<String> versions = skillWithVersions(v1);
            String skillId = onlySkill().id();

            RemoteState state = synchronizer.sync(
                    request(v2)
                            .annotated(skillId)
                            .recorded(skillId)
                            .known(new SkillVersionStatus(versions.get(0), v1.contentHash(), "2026-11-22T09:00:00Z"))
                            .asRecorded("pdf-tools")
                            .build(),
                    progress);

            String uploaded = state.latestVersion();
            assertThat(calls()).containsExactly("POST /v1/skills/" + skillId + "/versions");
            assertThat(remoteVersions(skillId)).containsExactly(versions.get(0), uploaded);
            assertThat(progress.steps())
                    .containsExactly(
                            new VersionUploadStarting(skillId, v2.contentHash()),
                            new VersionCreated(skillId, uploaded, v2.contentHash()));
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion, SkillVersionStatus::getContentHash)
                    .containsExactly(tuple(uploaded, v2.contentHash()), tuple(versions.get(0), v1.contentHash()));
            assertThat(state.skillName()).isEqualTo("pdf-tools");
        }

        @Test
        void theRetentionIsKeptWithOneDeletePerVersionPrunedAndNoList() throws Exception {
            List<String> versions = skillWithVersions(v1, v2);
            String skillId = onlySkill().id();

            RemoteState state = synchronizer.sync(
                    request(v3)
                            .recorded(skillId)
                            .maxVersions(2)
                            .known(
                                    new SkillVersionStatus(versions.get(1), v2.contentHash(), null),
                                    new SkillVersionStatus(versions.get(0), v1.contentHash(), null))
                            .asRecorded("pdf-tools")
                            .build(),
                    progress);

            String uploaded = state.latestVersion();
            assertThat(calls())
                    .containsExactly(
                            "POST /v1/skills/" + skillId + "/versions",
                            "DELETE /v1/skills/" + skillId + "/versions/" + versions.get(0));
            assertThat(remoteVersions(skillId)).containsExactly(versions.get(1), uploaded);
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion)
                    .containsExactly(uploaded, versions.get(1));
            assertThat(progress.steps()).contains(new VersionsPruned(skillId, List.of(versions.get(0)), 2));
        }

        @Test
        void aLowerRetentionWithUnchangedContentOnlyDeletes() throws Exception {
            List<String> versions = skillWithVersions(v1, v2);
            String skillId = onlySkill().id();

            RemoteState state = synchronizer.sync(
                    request(v2)
                            .recorded(skillId)
                            .maxVersions(1)
                            .pruneDue()
                            .known(
                                    new SkillVersionStatus(versions.get(1), v2.contentHash(), null),
                                    new SkillVersionStatus(versions.get(0), v1.contentHash(), null))
                            .asRecorded("pdf-tools")
                            .build(),
                    progress);

            assertThat(calls()).containsExactly("DELETE /v1/skills/" + skillId + "/versions/" + versions.get(0));
            assertThat(state.versions())
                    .extracting(SkillVersionStatus::getVersion)
                    .containsExactly(versions.get(1));
        }

        @Test
        void aRenamedSkillIsRefusedWithoutAnyCall() {
            List<String> versions = skillWithVersions(v1);
            String skillId = onlySkill().id();
            SkillBundle renamed = bundle("pdf-reader", "print('two')");

            Throwable thrown = catchThrowable(() -> synchronizer.sync(
                    request(renamed)
                            .recorded(skillId)
                            .known(new SkillVersionStatus(versions.get(0), v1.contentHash(), null))
                            .asRecorded("pdf-tools")
                            .build(),
                    progress));

            assertThat(thrown).isInstanceOf(SkillFailure.class).hasMessageContaining("'pdf-tools'");
            assertThat(((SkillFailure) thrown).reason()).isEqualTo(SkillConditions.INVALID_CONTENT);
            assertThat(calls()).isEmpty();
        }

        @Test
        void aSkillDeletedOutsideTheOperatorIsFoundOutByTheUploadAndCreatedAgain() throws Exception {
            List<String> versions = skillWithVersions(v1);
            String gone = onlySkill().id();
            fake.deleteSkillOutOfBand(gone);

            RemoteState state = synchronizer.sync(
                    request(v2)
                            .recorded(gone)
                            .known(new SkillVersionStatus(versions.get(0), v1.contentHash(), null))
                            .asRecorded("pdf-tools")
                            .build(),
                    progress);

            assertThat(state.skillId()).isNotEqualTo(gone);
            assertThat(fake.skill(state.skillId())).isPresent();
            assertThat(progress.messageOf("RemoteSkillRecreated")).contains(gone);
        }
    }

    @Nested
    class DeleteRemote {

        @Test
        void everyVersionIsDeletedAndThenTheSkill() {
            List<String> versions = skillWithVersions(v1, v2);
            String skillId = onlySkill().id();

            synchronizer.deleteRemote(KEY, skillId);

            assertThat(fake.skills()).isEmpty();
            assertThat(writes())
                    .containsExactly(
                            "DELETE /v1/skills/" + skillId + "/versions/" + versions.get(1),
                            "DELETE /v1/skills/" + skillId + "/versions/" + versions.get(0),
                            "DELETE /v1/skills/" + skillId);
        }

        @Test
        void aSkillAlreadyGoneIsDone() {
            synchronizer.deleteRemote(KEY, "skill_gone");

            assertThat(calls()).containsExactly("GET /v1/skills/skill_gone/versions");
        }

        @Test
        void aSkillThatGoesWhileItsVersionsAreDeletedIsDone() {
            skillWithVersions(v1);
            String skillId = onlySkill().id();
            fake.injectFault(
                    Fault.on("DELETE", "/v1/skills/" + skillId).status(404).build());

            synchronizer.deleteRemote(KEY, skillId);

            assertThat(fake.versions(skillId)).isEmpty();
        }

        @Test
        void anyOtherFailurePropagatesAndKeepsTheSkill() {
            List<String> versions = skillWithVersions(v1, v2);
            String skillId = onlySkill().id();
            fake.injectFault(Fault.on("DELETE", "/v1/skills/" + skillId + "/versions/" + versions.get(0))
                    .status(500)
                    .build());

            SkillsApiException e = apiFailureOf(() -> synchronizer.deleteRemote(KEY, skillId));

            assertThat(e.status()).isEqualTo(500);
            assertThat(remoteVersions(skillId)).containsExactly(versions.get(0));
            assertThat(fake.skill(skillId)).isPresent();
        }
    }

    @Nested
    class SkillIdOfPendingCreate {

        private final PendingCreate pending = new PendingCreate(TITLE, v1.contentHash(), "2026-11-22T09:00:00Z");

        @Test
        void isTheSkillTheCreateMade() throws Exception {
            FakeSkill ours = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());

            assertThat(synchronizer.skillIdOfPendingCreate(KEY, pending)).isEqualTo(ours.id());
        }

        @Test
        void isNullWhenTheCreateNeverHappened() throws Exception {
            fake.createSkillOutOfBand(OTHER_TITLE, v1.uploadFiles());

            assertThat(synchronizer.skillIdOfPendingCreate(KEY, pending)).isNull();
        }

        @Test
        void isNullForSomeoneElsesSkillWithTheTitle() throws Exception {
            fake.createSkillOutOfBand(TITLE, v2.uploadFiles());

            assertThat(synchronizer.skillIdOfPendingCreate(KEY, pending)).isNull();
        }

        @Test
        void isAnAmbiguousCreateWhenSeveralSkillsCouldBeOurs() {
            fake.allowReusedTitles();
            FakeSkill first = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());
            FakeSkill second = fake.createSkillOutOfBand(TITLE, v1.uploadFiles());

            SkillFailure failure = skillFailureOf(() -> synchronizer.skillIdOfPendingCreate(KEY, pending));

            assertThat(failure.reason()).isEqualTo(SkillConditions.AMBIGUOUS_CREATE);
            assertThat(failure.needsPerson()).isTrue();
            assertThat(failure.getMessage()).contains(first.id(), second.id());
        }
    }

    private SkillSynchronizer synchronizerReadingAtMost(long maxContentBytes) {
        return new SkillSynchronizer(client, maxContentBytes, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SkillBundle bundle(String name, String script) {
        try {
            return new SkillValidator(MAX_CONTENT_BYTES)
                    .validate(SkillFiles.of(Map.of(
                            "SKILL.md",
                                    SkillFixtures.skillMd(name, "Works with PDFs")
                                            .getBytes(StandardCharsets.UTF_8),
                            "run.py", script.getBytes(StandardCharsets.UTF_8))));
        } catch (InvalidContentException e) {
            throw new AssertionError(e);
        }
    }

    /** One skill holding these contents as its versions, oldest first; returns the version IDs, oldest first. */
    private List<String> skillWithVersions(SkillBundle first, SkillBundle... more) {
        FakeSkill skill = fake.createSkillOutOfBand(TITLE, first.uploadFiles());
        for (SkillBundle next : more) {
            fake.createVersionOutOfBand(skill.id(), next.uploadFiles());
        }
        return remoteVersions(skill.id());
    }

    private List<String> remoteVersions(String skillId) {
        return fake.versions(skillId).stream().map(FakeVersion::version).toList();
    }

    private FakeSkill onlySkill() {
        assertThat(fake.skills()).hasSize(1);
        return fake.skills().get(0);
    }

    private static List<Set<String>> filesOf(List<FakeVersion> versions) {
        return versions.stream().map(v -> v.files().keySet()).toList();
    }

    private List<String> calls() {
        return fake.calls().stream().map(c -> c.method() + " " + c.path()).toList();
    }

    private List<String> writes() {
        return fake.calls().stream()
                .filter(RecordedCall::isWrite)
                .map(c -> c.method() + " " + c.path())
                .toList();
    }

    private long downloads() {
        return fake.calls().stream()
                .filter(c -> c.isRead() && c.path().endsWith("/content"))
                .count();
    }

    private static SkillFailure skillFailureOf(ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(SkillFailure.class);
        return (SkillFailure) thrown;
    }

    private static SkillsApiException apiFailureOf(ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(SkillsApiException.class);
        return (SkillsApiException) thrown;
    }

    private static RequestBuilder request(SkillBundle desired) {
        return new RequestBuilder(desired);
    }

    /** A sync request with the defaults of a Skill seen for the first time. */
    private static final class RequestBuilder {

        private final SkillBundle desired;
        private String annotated;
        private String recorded;
        private PendingCreate pending;
        private final List<SkillVersionStatus> known = new ArrayList<>();
        private int maxVersions = 5;
        private boolean pruneDue;
        private String recordedName;
        private boolean statusKnowsRemote;

        RequestBuilder(SkillBundle desired) {
            this.desired = desired;
        }

        RequestBuilder annotated(String skillId) {
            this.annotated = skillId;
            return this;
        }

        RequestBuilder recorded(String skillId) {
            this.recorded = skillId;
            return this;
        }

        RequestBuilder pending(PendingCreate pendingCreate) {
            this.pending = pendingCreate;
            return this;
        }

        /** Versions recorded in status, newest first. */
        RequestBuilder known(SkillVersionStatus... versions) {
            known.addAll(List.of(versions));
            return this;
        }

        RequestBuilder maxVersions(int n) {
            this.maxVersions = n;
            return this;
        }

        RequestBuilder pruneDue() {
            this.pruneDue = true;
            return this;
        }

        /** Status records the skill's name and the remote skill as it is: the reconciler trusts it. */
        RequestBuilder asRecorded(String skillName) {
            this.recordedName = skillName;
            this.statusKnowsRemote = true;
            return this;
        }

        SyncRequest build() {
            return new SyncRequest(
                    KEY,
                    TITLE,
                    desired,
                    annotated,
                    recorded,
                    pending,
                    known,
                    maxVersions,
                    pruneDue,
                    recordedName,
                    statusKnowsRemote);
        }
    }
}
