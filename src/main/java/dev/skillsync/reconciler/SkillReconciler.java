package dev.skillsync.reconciler;

import dev.skillsync.Constants;
import dev.skillsync.config.SkillsyncConfig;
import dev.skillsync.content.InvalidContentException;
import dev.skillsync.content.SkillBundle;
import dev.skillsync.content.SkillValidator;
import dev.skillsync.credentials.ApiKeyResolver;
import dev.skillsync.credentials.MissingApiKeyException;
import dev.skillsync.events.SkillEventRecorder;
import dev.skillsync.metrics.SkillsyncMetrics;
import dev.skillsync.resource.DeletionPolicy;
import dev.skillsync.resource.PendingCreate;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillConditions;
import dev.skillsync.resource.SkillSpec;
import dev.skillsync.resource.SkillSpecRules;
import dev.skillsync.resource.SkillStatus;
import dev.skillsync.resource.SpecProblem;
import dev.skillsync.skillsapi.ApiKey;
import dev.skillsync.skillsapi.SkillsApiClient;
import dev.skillsync.skillsapi.SkillsApiException;
import dev.skillsync.source.ConfigMapContentSource;
import dev.skillsync.source.ContentSource;
import dev.skillsync.source.SourceException;
import dev.skillsync.source.SourceSnapshot;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Syncs a Skill to the Skills API: resolve the content, hash it, compare with the remote skill, create the skill or a
 * version when they differ, prune, and report in status.
 */
@ControllerConfiguration(name = SkillReconciler.NAME, finalizerName = Constants.FINALIZER,
        fieldManager = Constants.FIELD_MANAGER, generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SkillUpdateFilter.class))
public class SkillReconciler implements Reconciler<Skill>, Cleaner<Skill> {

    public static final String NAME = "skill";
    static final String CONFIGMAP_INDEX = "skill-by-configmap";
    /** The watch of labelled ConfigMaps, by the name health checks report it under. */
    static final String CONFIGMAP_SOURCE = "labelled-configmaps";

    private static final Logger LOG = Logger.getLogger(SkillReconciler.class);

    private final KubernetesClient client;
    private final ApiKeyResolver apiKeys;
    private final SkillEventRecorder events;
    private final SkillsyncMetrics metrics;
    private final SkillSynchronizer synchronizer;
    private final SkillValidator validator;
    private final RetryBackoff backoff;
    private final Duration rateLimitedBackoff;
    private final Clock clock;
    /** CDI's sources, then the ConfigMap source once its informer exists (prepareEventSources). */
    private final List<ContentSource> sources = new CopyOnWriteArrayList<>();

    public SkillReconciler(KubernetesClient client, SkillsyncConfig config, SkillsApiClient api,
            ApiKeyResolver apiKeys, SkillEventRecorder events, SkillsyncMetrics metrics, Clock clock,
            Instance<ContentSource> otherSources) {
        this.client = client;
        this.apiKeys = apiKeys;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        long maxBytes = config.content().maxUploadSize().asLongValue();
        this.validator = new SkillValidator(maxBytes);
        this.synchronizer = new SkillSynchronizer(api, maxBytes, clock);
        this.backoff = new RetryBackoff(config.retry().minBackoff(), config.retry().maxBackoff());
        this.rateLimitedBackoff = config.retry().rateLimitedBackoff();
        otherSources.forEach(sources::add);
    }

    @Override
    public List<EventSource<?, Skill>> prepareEventSources(EventSourceContext<Skill> context) {
        context.getPrimaryCache().addIndexer(CONFIGMAP_INDEX, skill -> {
            var source = skill.getSpec() == null || skill.getSpec().getSource() == null ? null
                    : skill.getSpec().getSource().getConfigMap();
            return source == null ? List.of() : List.of(indexKey(source.getName(), skill.getMetadata().getNamespace()));
        });
        // Only labelled ConfigMaps are cached; others are read directly when a Skill needs them.
        var configuration = InformerEventSourceConfiguration.from(ConfigMap.class, Skill.class)
                .withName(CONFIGMAP_SOURCE)
                .withLabelSelector(Constants.SOURCE_LABEL_SELECTOR)
                .withSecondaryToPrimaryMapper((ConfigMap configMap) -> context.getPrimaryCache()
                        .byIndex(CONFIGMAP_INDEX, indexKey(configMap.getMetadata().getName(),
                                configMap.getMetadata().getNamespace()))
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build();
        var configMaps = new InformerEventSource<>(configuration, context);
        sources.add(new ConfigMapContentSource(client, configMaps));
        return List.of(configMaps);
    }

    @Override
    public UpdateControl<Skill> reconcile(Skill skill, Context<Skill> context) {
        if (!keepReadProblems(skill, context)) {
            return UpdateControl.noUpdate();
        }
        Instant now = clock.instant();
        List<SpecProblem> specProblems = SkillSpecRules.problems(skill.getSpec());
        if (!specProblems.isEmpty()) {
            return fail(skill, invalidSpec(specProblems), false, now);
        }
        if (skill.getSpec().isSuspended()) {
            return finish(skill, new SyncOutcome.Suspended(), null, now);
        }
        SourceSnapshot snapshot;
        SkillBundle desired;
        try {
            snapshot = sourceFor(skill).fetch(skill);
            desired = validator.validate(snapshot.files());
        } catch (SourceException e) {
            return fail(skill, sourceFailure(skill, e, now), false, now);
        } catch (InvalidContentException e) {
            return fail(skill, invalidContent(skill, e.getMessage()), false, now);
        }
        if (!RemoteCheckPolicy.remoteCheckNeeded(skill, desired.contentHash(), now)) {
            return finish(skill, new SyncOutcome.Synced(recordedRemote(skill.getStatus()), snapshot.revision(), false,
                    readyMessage(skill, snapshot)), RemoteCheckPolicy.untilDriftCheck(skill, now), now);
        }
        try {
            ApiKey key = apiKeys.resolve(skill);
            RemoteState remote = synchronizer.sync(syncRequest(skill, key, desired), new ClusterProgress(skill, context));
            return finish(skill, new SyncOutcome.Synced(remote, snapshot.revision(), true, readyMessage(skill, snapshot)),
                    skill.getSpec().intervalDuration(), now);
        } catch (MissingApiKeyException e) {
            return fail(skill, new SyncFailure(SkillConditions.AUTHENTICATION_FAILED, "no API key: " + e.getMessage(),
                    false, backoff.next(skill.getStatus(), now)), false, now);
        } catch (SyncFailure e) {
            return fail(skill, e, true, now);
        } catch (SkillsApiException e) {
            return fail(skill, FailureClassifier.classify(e, backoff.next(skill.getStatus(), now),
                    rateLimitedBackoff, skill.getSpec().intervalDuration()), true, now);
        }
    }

    /** Anything not foreseen (the Kubernetes API failing, say) still shows in status; java-operator-sdk retries. */
    @Override
    public ErrorStatusUpdateControl<Skill> updateErrorStatus(Skill skill, Context<Skill> context, Exception e) {
        String message = "sync failed: " + e.getMessage();
        LOG.warnf(e, "Skill %s: %s", key(skill), message);
        events.warning(skill, SkillConditions.API_ERROR, message);
        SkillStatus next = StatusAggregator.aggregate(skill,
                new SyncOutcome.Failed(SkillConditions.API_ERROR, message, false, null, false), clock.instant());
        return next.equals(skill.getStatus()) ? ErrorStatusUpdateControl.noStatusUpdate()
                : ErrorStatusUpdateControl.patchStatus(statusPatch(skill, next));
    }

    @Override
    public DeleteControl cleanup(Skill skill, Context<Skill> context) {
        String name = key(skill);
        sources.forEach(source -> source.forget(skill));
        metrics.forget(name);
        if (!keepReadProblems(skill, context)) {
            return DeleteControl.noFinalizerRemoval();
        }
        List<SpecProblem> unreadable = SkillSpecRules.deletionProblems(skill.getSpec());
        if (!unreadable.isEmpty()) {
            return deletionWithUnreadableSpec(skill, context, unreadable);
        }
        if (skill.getSpec().effectiveDeletionPolicy() == DeletionPolicy.Orphan) {
            LOG.infof("Skill %s deleted with deletionPolicy Orphan: the remote skill is kept", name);
            return DeleteControl.defaultDelete();
        }
        Instant now = clock.instant();
        try {
            String skillId = skillIdOf(skill);
            // The key is resolved only when there is something remote to find or delete.
            ApiKey key = null;
            if (skillId == null && skill.getStatus() != null && skill.getStatus().getPendingCreate() != null) {
                key = apiKeys.resolve(skill);
                skillId = synchronizer.findPendingCreate(key, skill.getStatus().getPendingCreate());
            }
            if (skillId == null) {
                return DeleteControl.defaultDelete();
            }
            writeStatus(skill, context, StatusAggregator.aggregate(skill,
                    new SyncOutcome.Deleting("deleting remote skill " + skillId), now));
            synchronizer.deleteRemote(key != null ? key : apiKeys.resolve(skill), skillId);
            events.normal(skill, "SkillDeleted", "deleted remote skill " + skillId + " and its versions");
            return DeleteControl.defaultDelete();
        } catch (MissingApiKeyException | SyncFailure | SkillsApiException e) {
            String message = "cannot delete the remote skill: " + e.getMessage()
                    + "; fix the cause, or set spec.deletionPolicy to Orphan to delete this Skill and keep the remote "
                    + "skill";
            events.warning(skill, SkillConditions.DELETION_BLOCKED, message);
            writeStatus(skill, context,
                    StatusAggregator.aggregate(skill, new SyncOutcome.DeletionBlocked(message), now));
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoff.next(skill.getStatus(), now));
        }
    }

    /**
     * A remote skill is deleted or kept as the user's policy says, with the user's key; when either cannot be read, the
     * remote skill is left alone until the spec is fixed. With nothing remote, the Skill can go.
     */
    private DeleteControl deletionWithUnreadableSpec(Skill skill, Context<Skill> context, List<SpecProblem> problems) {
        boolean remoteKnown = skillIdOf(skill) != null
                || (skill.getStatus() != null && skill.getStatus().getPendingCreate() != null);
        if (!remoteKnown) {
            return DeleteControl.defaultDelete();
        }
        String message = "cannot tell what to do with the remote skill: " + joined(problems)
                + "; set spec.deletionPolicy to Delete to delete the remote skill or to Orphan to keep it";
        events.warning(skill, SkillConditions.DELETION_BLOCKED, message);
        writeStatus(skill, context,
                StatusAggregator.aggregate(skill, new SyncOutcome.DeletionBlocked(message), clock.instant()));
        // A fix of the spec is an update of the Skill, which starts the next cleanup: nothing to retry until then.
        return DeleteControl.noFinalizerRemoval();
    }

    /**
     * Gives the Skill the problems found when its spec was read (see {@link SkillSpec#keepReadProblemsOf}), from the
     * cached Skill of the same generation, hence the same spec.
     *
     * @return false when the cache holds another generation by now: that change is queued and is reconciled next
     */
    private static boolean keepReadProblems(Skill skill, Context<Skill> context) {
        Skill read = context.getPrimaryCache().get(ResourceID.fromResource(skill)).orElse(null);
        if (read == null || !Objects.equals(read.getMetadata().getGeneration(), skill.getMetadata().getGeneration())) {
            return false;
        }
        if (read.getSpec() != null && skill.getSpec() != null) {
            skill.getSpec().keepReadProblemsOf(read.getSpec());
        }
        return true;
    }

    /** Stalled until the spec changes: the generation change of a fix starts the next reconcile. */
    private static SyncFailure invalidSpec(List<SpecProblem> problems) {
        return new SyncFailure(SkillConditions.INVALID_SPEC, joined(problems), true, null);
    }

    private static String joined(List<SpecProblem> problems) {
        return problems.stream().map(SpecProblem::message).collect(Collectors.joining(" | "));
    }

    private ContentSource sourceFor(Skill skill) throws SourceException {
        return sources.stream().filter(source -> source.handles(skill)).findFirst()
                .orElseThrow(() -> new SourceException(SourceException.Kind.INVALID_CONTENT,
                        "spec.source must set exactly one of configMap or oci"));
    }

    private SyncRequest syncRequest(Skill skill, ApiKey key, SkillBundle desired) {
        SkillStatus status = skill.getStatus() == null ? new SkillStatus() : skill.getStatus();
        boolean pruneDue = !Objects.equals(skill.getMetadata().getGeneration(), status.getObservedGeneration());
        return new SyncRequest(key, skill.effectiveDisplayTitle(), desired,
                skill.annotation(Constants.SKILL_ID_ANNOTATION), status.getSkillId(),
                status.getPendingCreate(), status.getVersions(), skill.getSpec().maxVersions(), pruneDue);
    }

    private SyncFailure sourceFailure(Skill skill, SourceException e, Instant now) {
        return switch (e.kind()) {
            case NOT_FOUND, UNAVAILABLE -> new SyncFailure(SkillConditions.SOURCE_NOT_FOUND, e.getMessage(), false,
                    backoff.next(skill.getStatus(), now));
            case UNAUTHORIZED -> new SyncFailure(SkillConditions.AUTHENTICATION_FAILED, e.getMessage(), false,
                    backoff.next(skill.getStatus(), now));
            case INVALID_CONTENT -> invalidContent(skill, e.getMessage());
        };
    }

    /** Invalid content waits for a change; an unwatched source is still re-read at the interval. */
    private static SyncFailure invalidContent(Skill skill, String message) {
        return new SyncFailure(SkillConditions.INVALID_CONTENT, message, true, skill.getSpec().intervalDuration());
    }

    private UpdateControl<Skill> fail(Skill skill, SyncFailure failure, boolean remoteChecked, Instant now) {
        LOG.infof("Skill %s/%s not synced: %s: %s", skill.getMetadata().getNamespace(), skill.getMetadata().getName(),
                failure.reason(), failure.getMessage());
        events.warning(skill, failure.reason(), failure.getMessage());
        return finish(skill, new SyncOutcome.Failed(failure.reason(), failure.getMessage(), failure.stalled(),
                failure.retryAfter(), remoteChecked), failure.retryAfter(), now);
    }

    private UpdateControl<Skill> finish(Skill skill, SyncOutcome outcome, Duration rescheduleAfter, Instant now) {
        SkillStatus next = StatusAggregator.aggregate(skill, outcome, now);
        metrics.reconciled(key(skill), readyReason(next));
        UpdateControl<Skill> control = next.equals(skill.getStatus()) ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(statusPatch(skill, next));
        return rescheduleAfter == null ? control : control.rescheduleAfter(atLeastOneSecond(rescheduleAfter));
    }

    /** Writes status in the middle of a reconcile (before a remote call), unless it would not change. */
    private static void writeStatus(Skill skill, Context<Skill> context, SkillStatus next) {
        if (!next.equals(skill.getStatus())) {
            skill.setStatus(context.resourceOperations().serverSideApplyPrimaryStatus(statusPatch(skill, next))
                    .getStatus());
        }
    }

    /** A Skill carrying only its identity and the status: what server-side apply of the status should send. */
    private static Skill statusPatch(Skill skill, SkillStatus status) {
        Skill patch = new Skill();
        patch.setMetadata(new ObjectMetaBuilder().withName(skill.getMetadata().getName())
                .withNamespace(skill.getMetadata().getNamespace()).build());
        patch.setStatus(status);
        return patch;
    }

    private static Duration atLeastOneSecond(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : duration;
    }

    private static String skillIdOf(Skill skill) {
        String annotated = skill.annotation(Constants.SKILL_ID_ANNOTATION);
        return annotated != null ? annotated : skill.getStatus() == null ? null : skill.getStatus().getSkillId();
    }

    private static RemoteState recordedRemote(SkillStatus status) {
        return new RemoteState(status.getSkillId(), status.getLatestVersion(), status.getContentHash(),
                status.getVersions());
    }

    private static String readyMessage(Skill skill, SourceSnapshot snapshot) {
        if (snapshot.watched() || skill.getSpec().getSource().getConfigMap() == null) {
            return "remote skill is up to date";
        }
        return "remote skill is up to date; ConfigMap " + skill.getSpec().getSource().getConfigMap().getName()
                + " is not labelled " + Constants.SOURCE_LABEL + "=\"true\", so its changes are picked up only every "
                + skill.getSpec().getInterval();
    }

    private static String key(Skill skill) {
        return skill.getMetadata().getNamespace() + "/" + skill.getMetadata().getName();
    }

    private static String readyReason(SkillStatus status) {
        return status.condition(SkillConditions.READY).map(Condition::getReason).orElse(SkillConditions.PROGRESSING);
    }

    private static String indexKey(String configMapName, String namespace) {
        return namespace + "/" + configMapName;
    }

    /** Records sync progress on the Skill as it happens: the create intent, the new skill ID, Events. */
    private final class ClusterProgress implements SyncProgress {

        private final Skill skill;
        private final Context<Skill> context;

        ClusterProgress(Skill skill, Context<Skill> context) {
            this.skill = skill;
            this.context = context;
        }

        @Override
        public void createStarting(PendingCreate pendingCreate) {
            writeStatus(skill, context, StatusAggregator.withPendingCreate(skill, pendingCreate, clock.instant()));
        }

        @Override
        public void versionUploadStarting(String skillId) {
            writeStatus(skill, context, StatusAggregator.aggregate(skill, new SyncOutcome.InProgress(
                    "uploading a new version of remote skill " + skillId), clock.instant()));
        }

        @Override
        public void skillIdentified(String skillId) {
            if (skillId.equals(skill.annotation(Constants.SKILL_ID_ANNOTATION))) {
                return;
            }
            // A merge patch of this one annotation: it survives a restore of the resource without its status.
            String patch = Serialization.asJson(Map.of("metadata",
                    Map.of("annotations", Map.of(Constants.SKILL_ID_ANNOTATION, skillId))));
            Skill patched = client.resources(Skill.class).inNamespace(skill.getMetadata().getNamespace())
                    .withName(skill.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            skill.getMetadata().setAnnotations(patched.getMetadata().getAnnotations());
        }

        @Override
        public void versionCreated(String skillId, String version, String contentHash) {
            metrics.versionCreated();
            events.normal(skill, "VersionCreated", "created version " + version + " of remote skill " + skillId
                    + " with content " + contentHash);
        }

        @Override
        public void versionsPruned(String skillId, List<String> versions, int kept) {
            metrics.versionsPruned(versions.size());
            events.normal(skill, "VersionsPruned", "deleted " + versions.size() + " old version(s) of remote skill "
                    + skillId + " to keep " + kept + ": " + String.join(", ", versions));
        }

        @Override
        public void normalEvent(String reason, String message) {
            events.normal(skill, reason, message);
        }

        @Override
        public void warningEvent(String reason, String message) {
            events.warning(skill, reason, message);
        }
    }
}
