package dev.skillsync.reconciler;

import static dev.skillsync.resource.SkillConditions.AMBIGUOUS_CREATE;
import static dev.skillsync.resource.SkillConditions.API_ERROR;
import static dev.skillsync.resource.SkillConditions.INVALID_CONTENT;
import static dev.skillsync.resource.SkillConditions.INVALID_SPEC;
import static dev.skillsync.resource.SkillConditions.SKILL_NOT_FOUND;
import static dev.skillsync.resource.SkillConditions.TITLE_CONFLICT;

import dev.skillsync.content.ContentHash;
import dev.skillsync.content.InvalidContentException;
import dev.skillsync.content.SkillArchive;
import dev.skillsync.content.SkillBundle;
import dev.skillsync.failure.SkillFailure;
import dev.skillsync.resource.PendingCreate;
import dev.skillsync.resource.SkillVersionStatus;
import dev.skillsync.skillsapi.ApiKey;
import dev.skillsync.skillsapi.RemoteSkill;
import dev.skillsync.skillsapi.RemoteVersion;
import dev.skillsync.skillsapi.SkillsApiClient;
import dev.skillsync.skillsapi.SkillsApiException;
import dev.skillsync.skillsapi.UploadFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Brings one remote skill to the desired content: find or create the skill, compare its latest version with the
 * desired content hash, create a version only when they differ, prune to the retention. The client's wire dialect
 * decides how a lost create is found again, how versions are identified and whether content can be downloaded.
 * <p>
 * The Skills API is an organisation's shared, rate-limited resource: when status records the remote skill as it is,
 * a change costs only its writes (the upload, a delete per version pruned) and nothing is read first.
 */
public class SkillSynchronizer {

    private static final Logger LOG = Logger.getLogger(SkillSynchronizer.class);

    /** Reason of the Event that says how a remote latest version unknown to status was compared. */
    static final String REMOTE_COMPARED = "RemoteCompared";
    /** Reason of the Event that says recorded versions were mapped to another dialect's identifiers. */
    static final String VERSIONS_REIDENTIFIED = "VersionsReidentified";
    /**
     * How much earlier than the operator recorded a create the server may date the skill it made: the two clocks
     * differ. Wide on purpose: a skill from outside the window that carries our upload would be created twice.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final SkillsApiClient api;
    private final long maxContentBytes;
    private final Clock clock;

    public SkillSynchronizer(SkillsApiClient api, long maxContentBytes, Clock clock) {
        this.api = api;
        this.maxContentBytes = maxContentBytes;
        this.clock = clock;
    }

    public RemoteState sync(SyncRequest request, SyncProgress progress) throws SkillFailure {
        if (request.statusKnowsRemote()
                && !VersionIdentity.needsRemap(request.knownVersions(), api.dialect()::isVersionIdentifier)) {
            try {
                return changeAsRecorded(request, progress);
            } catch (SkillsApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                // The remote skill is not as status says (deleted outside the operator, say): read it as below.
            }
        }
        ApiKey key = request.apiKey();
        String skillId = request.annotatedSkillId() != null ? request.annotatedSkillId() : request.recordedSkillId();
        String adoptedLatest = null;
        if (skillId == null) {
            requireUsableDisplayTitle(request.displayTitle());
        }
        if (skillId == null && request.pendingCreate() != null) {
            RemoteSkill adopted = recoverPendingCreate(request, progress);
            if (adopted != null) {
                skillId = adopted.id();
                adoptedLatest = adopted.latestVersion();
            }
        }
        if (skillId == null) {
            return create(request, progress);
        }
        RemoteSkill remote;
        try {
            remote = api.getSkill(key, skillId);
        } catch (SkillsApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            if (!skillId.equals(request.recordedSkillId())) {
                throw SkillFailure.needsPerson(
                        SKILL_NOT_FOUND,
                        "remote skill " + skillId
                                + " named by the annotation skillsync.dev/skill-id does not exist; remove the annotation to "
                                + "create a new skill or set it to an existing skill's ID");
            }
            progress.warningEvent(
                    "RemoteSkillRecreated",
                    "remote skill " + skillId + " was deleted outside the operator; creating it again");
            return create(request, progress);
        }
        if (!skillId.equals(request.recordedSkillId())) {
            progress.skillIdentified(skillId);
        }
        SyncRequest known = inCurrentIdentifiers(request, skillId, progress);
        Map<String, String> knownHashes = recordedHashes(known);
        if (adoptedLatest != null && api.dialect().uniqueDisplayTitles()) {
            // Recovery adopted it because its latest version holds the content that create uploaded.
            knownHashes.put(adoptedLatest, request.pendingCreate().getContentHash());
        }
        return bringUpToDate(known, remote, knownHashes, progress);
    }

    /**
     * Brings the skill status records to the desired content with writes only: an upload when the content differs
     * from the recorded latest version, then deletes of the recorded versions beyond the retention.
     */
    private RemoteState changeAsRecorded(SyncRequest request, SyncProgress progress) throws SkillFailure {
        String skillId = request.recordedSkillId();
        SkillBundle desired = request.desired();
        List<SkillVersionStatus> versions = request.knownVersions();
        if (!desired.contentHash().equals(versions.get(0).getContentHash())) {
            requireSameName(
                    request.recordedSkillName(), skillId, desired.manifest().name());
            RemoteVersion created = upload(request.apiKey(), skillId, desired, progress);
            versions = new ArrayList<>(versions);
            versions.add(0, new SkillVersionStatus(created.version(), desired.contentHash(), createdAt(created)));
        }
        List<String> doomed = RetentionPlan.versionsBeyond(versions, request.maxVersions()).stream()
                .map(SkillVersionStatus::getVersion)
                .toList();
        for (String version : doomed) {
            deleteVersionIfPresent(request.apiKey(), skillId, version);
        }
        if (!doomed.isEmpty()) {
            progress.versionsPruned(skillId, doomed, request.maxVersions());
        }
        return new RemoteState(
                skillId,
                versions.get(0).getVersion(),
                desired.contentHash(),
                RetentionPlan.versionsKept(versions, request.maxVersions()),
                desired.manifest().name());
    }

    private RemoteVersion upload(ApiKey key, String skillId, SkillBundle desired, SyncProgress progress) {
        progress.versionUploadStarting(skillId, desired.contentHash());
        RemoteVersion created = api.createVersion(key, skillId, uploadFiles(desired));
        progress.versionCreated(skillId, created.version(), desired.contentHash());
        return created;
    }

    private String createdAt(RemoteVersion version) {
        return version.createdAt() != null
                ? version.createdAt()
                : Instant.now(clock).toString();
    }

    /**
     * The request with its recorded versions under the identifiers of the client's dialect. After a switch between
     * beta and GA they are mapped once, by one list call; nothing is created or deleted for it.
     */
    private SyncRequest inCurrentIdentifiers(SyncRequest request, String skillId, SyncProgress progress) {
        if (!VersionIdentity.needsRemap(request.knownVersions(), api.dialect()::isVersionIdentifier)) {
            return request;
        }
        List<SkillVersionStatus> mapped =
                VersionIdentity.remap(request.knownVersions(), api.listVersions(request.apiKey(), skillId));
        progress.normalEvent(
                VERSIONS_REIDENTIFIED,
                "mapped " + mapped.size() + " of the "
                        + request.knownVersions().size() + " versions in status to the version identifiers of the '"
                        + api.dialect().name() + "' wire dialect of remote skill " + skillId
                        + "; versions no longer on the server were dropped from status");
        return request.withKnownVersions(mapped);
    }

    /** The Skills API refuses some titles; say so before the call, naming the setting to change. */
    private void requireUsableDisplayTitle(String displayTitle) throws SkillFailure {
        Optional<String> problem = api.dialect().displayTitleProblem(displayTitle);
        if (problem.isPresent()) {
            throw SkillFailure.needsPerson(
                    INVALID_SPEC,
                    "the display title (spec.displayTitle, default"
                            + " <namespace>/<name>) cannot name a new remote skill: " + problem.get()
                            + "; set spec.displayTitle to one that fits");
        }
    }

    /**
     * Deletes the skill with every version (first the versions, where the dialect's server does not delete them with
     * the skill); anything already gone counts as deleted.
     */
    public void deleteRemote(ApiKey key, String skillId) {
        if (!api.dialect().deletesVersionsWithSkill() && !deleteVersions(key, skillId)) {
            return;
        }
        try {
            api.deleteSkill(key, skillId);
        } catch (SkillsApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    /** Deletes every version of the skill; false when the skill itself is already gone. */
    private boolean deleteVersions(ApiKey key, String skillId) {
        List<RemoteVersion> versions;
        try {
            versions = api.listVersions(key, skillId);
        } catch (SkillsApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
        for (RemoteVersion version : versions) {
            deleteVersionIfPresent(key, skillId, version.version());
        }
        return true;
    }

    /**
     * Finds the skill a pending create left behind, for cleanup; null when there is none of ours. Without the desired
     * content at hand, a namesake counts as ours only when its download shows the content the create uploaded: a
     * skill this cannot prove ours is left in place, never deleted.
     */
    public String skillIdOfPendingCreate(ApiKey key, PendingCreate pending) throws SkillFailure {
        CreateRecovery.Decision decision = decidePending(
                key, pending, skill -> pending.getContentHash().equals(latestContentHashOrNull(key, skill)));
        if (decision instanceof CreateRecovery.Adopt adopt) {
            return adopt.skill().id();
        }
        if (decision instanceof CreateRecovery.Ambiguous ambiguous) {
            throw ambiguousCreate(ambiguous);
        }
        return null;
    }

    /** Before creating again: the skill an earlier create left behind, or null when it never happened. */
    private RemoteSkill recoverPendingCreate(SyncRequest request, SyncProgress progress) throws SkillFailure {
        CreateRecovery.Decision decision = decidePending(
                request.apiKey(),
                request.pendingCreate(),
                skill -> carriesManifestOf(request.apiKey(), skill, request.desired()));
        if (decision instanceof CreateRecovery.CreateNew) {
            return null;
        }
        // A title held by another skill would only make the create fail again: say so now.
        return adoptOrThrow(decision, request.displayTitle(), "", progress);
    }

    /** @param holdsUpload where titles are not unique: whether a namesake's latest version is what was uploaded */
    private CreateRecovery.Decision decidePending(
            ApiKey key, PendingCreate pending, Predicate<RemoteSkill> holdsUpload) {
        List<RemoteSkill> skills = api.listSkills(key);
        if (api.dialect().uniqueDisplayTitles()) {
            return CreateRecovery.decide(pending, skills, skill -> latestContentHashOrNull(key, skill));
        }
        return CreateRecovery.decideAmongNamesakes(pending, skills, CLOCK_SKEW, holdsUpload);
    }

    /**
     * Whether the skill's latest version carries the name and description of the desired SKILL.md: what a create of
     * this content uploaded, read without a download.
     */
    private boolean carriesManifestOf(ApiKey key, RemoteSkill skill, SkillBundle desired) {
        Optional<RemoteVersion> latest;
        try {
            latest = api.getLatestVersion(key, skill.id());
        } catch (SkillsApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
        return latest.filter(version -> desired.manifest().name().equals(version.name())
                        && desired.manifest().description().equals(version.description()))
                .isPresent();
    }

    /** The skill of an Adopt decision, recorded; any other decision is a stalled failure. */
    private static RemoteSkill adoptOrThrow(
            CreateRecovery.Decision decision, String title, String refusal, SyncProgress progress) throws SkillFailure {
        if (decision instanceof CreateRecovery.Adopt adopt) {
            progress.skillIdentified(adopt.skill().id());
            progress.normalEvent(
                    "SkillAdopted",
                    "adopted remote skill " + adopt.skill().id()
                            + " created by an earlier attempt whose answer was lost");
            return adopt.skill();
        }
        if (decision instanceof CreateRecovery.Ambiguous ambiguous) {
            throw ambiguousCreate(ambiguous);
        }
        String holder = decision instanceof CreateRecovery.TitleTaken taken
                ? " (" + taken.skill().id() + ")"
                : "";
        throw SkillFailure.needsPerson(
                TITLE_CONFLICT,
                "a remote skill titled '" + title + "' already exists"
                        + holder + ": set spec.displayTitle to another title, or adopt that skill with the annotation "
                        + "skillsync.dev/skill-id" + refusal);
    }

    private static SkillFailure ambiguousCreate(CreateRecovery.Ambiguous ambiguous) {
        return SkillFailure.needsPerson(AMBIGUOUS_CREATE, ambiguous.message());
    }

    private RemoteState create(SyncRequest request, SyncProgress progress) throws SkillFailure {
        PendingCreate pending = new PendingCreate(
                request.displayTitle(),
                request.desired().contentHash(),
                Instant.now(clock).toString());
        progress.createStarting(pending);
        RemoteSkill created;
        try {
            created = api.createSkill(request.apiKey(), request.displayTitle(), uploadFiles(request.desired()));
        } catch (SkillsApiException e) {
            if (!isTitleTaken(e)) {
                throw e;
            }
            return adoptAfterTitleClash(request, pending, e, progress);
        }
        progress.skillIdentified(created.id());
        progress.normalEvent(
                "SkillCreated", "created remote skill " + created.id() + " version " + created.latestVersion());
        String createdAt = created.createdAt() != null
                ? created.createdAt()
                : Instant.now(clock).toString();
        return new RemoteState(
                created.id(),
                created.latestVersion(),
                request.desired().contentHash(),
                List.of(new SkillVersionStatus(
                        created.latestVersion(), request.desired().contentHash(), createdAt)),
                request.desired().manifest().name());
    }

    /** The create was refused because the title exists: our own earlier create, or someone else's skill. */
    private RemoteState adoptAfterTitleClash(
            SyncRequest request, PendingCreate pending, SkillsApiException clash, SyncProgress progress)
            throws SkillFailure {
        RemoteSkill adopted = adoptOrThrow(
                decidePending(
                        request.apiKey(),
                        pending,
                        skill -> carriesManifestOf(request.apiKey(), skill, request.desired())),
                request.displayTitle(),
                " (" + clash.getMessage() + ")",
                progress);
        Map<String, String> knownHashes = recordedHashes(request);
        knownHashes.put(adopted.latestVersion(), pending.getContentHash());
        return bringUpToDate(request, api.getSkill(request.apiKey(), adopted.id()), knownHashes, progress);
    }

    /** The content hash of each version the status records, so those are never downloaded to compare. */
    private static Map<String, String> recordedHashes(SyncRequest request) {
        Map<String, String> knownHashes = new HashMap<>();
        request.knownVersions().forEach(v -> {
            if (v.getContentHash() != null) {
                knownHashes.put(v.getVersion(), v.getContentHash());
            }
        });
        return knownHashes;
    }

    /** @param knownHashes content hashes of remote versions known without a download; versions get added */
    private RemoteState bringUpToDate(
            SyncRequest request, RemoteSkill remote, Map<String, String> knownHashes, SyncProgress progress)
            throws SkillFailure {
        ApiKey key = request.apiKey();
        SkillBundle desired = request.desired();
        String latest = remote.latestVersion();
        String latestHash = latest == null ? null : knownHashes.get(latest);
        if (latest != null && latestHash == null) {
            latestHash = compareUnknownLatest(key, remote.id(), latest, desired.contentHash(), progress);
            if (latestHash != null) {
                knownHashes.put(latest, latestHash);
            }
        }
        boolean versionCreated = false;
        boolean sameSkill = Objects.equals(remote.id(), request.recordedSkillId());
        String skillName = sameSkill ? request.recordedSkillName() : null;
        if (!desired.contentHash().equals(latestHash)) {
            if (latest != null) {
                requireSameName(
                        skillName != null
                                ? skillName
                                : api.getVersion(key, remote.id(), latest).name(),
                        remote.id(),
                        desired.manifest().name());
            }
            latest = upload(key, remote.id(), desired, progress).version();
            knownHashes.put(latest, desired.contentHash());
            versionCreated = true;
            skillName = desired.manifest().name();
        }
        List<SkillVersionStatus> versions;
        if (versionCreated || request.pruneDue() || !sameSkill || !isNewestRecorded(request, remote.latestVersion())) {
            versions = prune(key, remote.id(), latest, request.maxVersions(), knownHashes, progress);
        } else {
            versions = RetentionPlan.versionsKept(request.knownVersions(), request.maxVersions());
        }
        return new RemoteState(remote.id(), latest, desired.contentHash(), versions, skillName);
    }

    private List<SkillVersionStatus> prune(
            ApiKey key,
            String skillId,
            String latest,
            int maxVersions,
            Map<String, String> knownHashes,
            SyncProgress progress) {
        List<RemoteVersion> newestFirst = api.listVersions(key, skillId);
        List<RemoteVersion> doomed = RetentionPlan.versionsToPrune(newestFirst, maxVersions, latest);
        for (RemoteVersion version : doomed) {
            deleteVersionIfPresent(key, skillId, version.version());
        }
        if (!doomed.isEmpty()) {
            progress.versionsPruned(
                    skillId, doomed.stream().map(RemoteVersion::version).toList(), maxVersions);
        }
        return RetentionPlan.versionsKept(newestFirst, maxVersions).stream()
                .map(v -> new SkillVersionStatus(v.version(), knownHashes.get(v.version()), v.createdAt()))
                .toList();
    }

    /**
     * Whether the remote latest version is the newest one status records. When it is not, status is behind the remote
     * skill: a version was uploaded whose answer never arrived (the operator was killed, say) or by someone else, and it
     * may have pushed an older one beyond the retention; or versions were deleted outside the operator. Either way
     * status must be made again from the remote list.
     */
    private static boolean isNewestRecorded(SyncRequest request, String remoteLatest) {
        return !request.knownVersions().isEmpty()
                && Objects.equals(request.knownVersions().get(0).getVersion(), remoteLatest);
    }

    private void deleteVersionIfPresent(ApiKey key, String skillId, String version) {
        try {
            api.deleteVersion(key, skillId, version);
        } catch (SkillsApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            LOG.debugf("version %s of skill %s was already deleted", version, skillId);
        }
    }

    /**
     * The content hash of a remote latest version status does not know, by download while the server serves one;
     * null when it serves none: then the version counts as drift and gets the desired content. The Event says which.
     */
    private String compareUnknownLatest(
            ApiKey key, String skillId, String version, String desiredHash, SyncProgress progress) throws SkillFailure {
        Optional<String> downloaded;
        try {
            downloaded = contentHash(key, skillId, version);
        } catch (InvalidContentException e) {
            throw SkillFailure.retryable(
                    API_ERROR,
                    "could not read version " + version + " of remote skill " + skillId + ": " + e.getMessage(),
                    e);
        }
        if (downloaded.isPresent()) {
            progress.normalEvent(
                    REMOTE_COMPARED,
                    "compared version " + version + " of remote skill " + skillId
                            + " with the desired content by downloading it: "
                            + (downloaded.get().equals(desiredHash) ? "it holds the desired content" : "it differs"));
            return downloaded.get();
        }
        progress.normalEvent(
                REMOTE_COMPARED,
                "the Skills API serves no download, so version " + version
                        + " of remote skill " + skillId
                        + " was compared by the version IDs in status: it is not one of them,"
                        + " so it gets the desired content");
        return null;
    }

    /** For recovery: a skill whose latest version cannot be read is not the one this operator uploaded. */
    private String latestContentHashOrNull(ApiKey key, RemoteSkill skill) {
        if (skill.latestVersion() == null) {
            return null;
        }
        try {
            return contentHash(key, skill.id(), skill.latestVersion()).orElse(null);
        } catch (InvalidContentException e) {
            return null;
        }
    }

    /** Empty when the server serves no download. */
    private Optional<String> contentHash(ApiKey key, String skillId, String version) throws InvalidContentException {
        Optional<byte[]> zip = api.downloadVersion(key, skillId, version);
        if (zip.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ContentHash.of(SkillArchive.unzip(zip.get(), maxContentBytes)));
    }

    /**
     * The Skills API fixes a skill's name at creation; say so before the upload is refused.
     *
     * @param remoteName the remote skill's name, as status records it or as its latest version says
     */
    private static void requireSameName(String remoteName, String skillId, String desiredName) throws SkillFailure {
        if (remoteName != null && !remoteName.equals(desiredName)) {
            throw SkillFailure.needsPerson(
                    INVALID_CONTENT,
                    "SKILL.md names the skill '" + desiredName
                            + "' but remote skill " + skillId + " is named '" + remoteName
                            + "'; a skill's name is fixed when it is created: restore the name, or create a new Skill");
        }
    }

    private static boolean isTitleTaken(SkillsApiException e) {
        return e.status() == 400 && e.apiMessage() != null && e.apiMessage().contains("display_title");
    }

    private static List<UploadFile> uploadFiles(SkillBundle bundle) {
        return bundle.uploadFiles().entrySet().stream()
                .map(entry -> new UploadFile(entry.getKey(), entry.getValue()))
                .toList();
    }
}
