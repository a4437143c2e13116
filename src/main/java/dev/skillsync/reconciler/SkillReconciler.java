package dev.skillsync.reconciler;

import dev.skillsync.Constants;
import dev.skillsync.content.SkillBundle;
import dev.skillsync.content.SkillValidator;
import dev.skillsync.credentials.ApiKeyResolver;
import dev.skillsync.credentials.MissingApiKeyException;
import dev.skillsync.events.SkillEventRecorder;
import dev.skillsync.failure.SkillFailure;
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
import dev.skillsync.skillsapi.SkillsApiException;
import dev.skillsync.source.ConfigMapContentSource;
import dev.skillsync.source.ContentSource;
import dev.skillsync.source.SourceException;
import dev.skillsync.source.SourceSnapshot;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Syncs a Skill to the Skills API: resolve the content, hash it, compare with the remote skill, create the skill or a
 * version when they differ, prune, and report in status.
 */
@ControllerConfiguration(
        name = SkillReconciler.NAME,
        finalizerName = Constants.FINALIZER,
        fieldManager = Constants.FIELD_MANAGER,
        generationAwareEventProcessing = false,
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
    private final FailurePolicy failures;
    private final Clock clock;
    /** CDI's sources, then the ConfigMap source once its informer exists (prepareEventSources). */
    private final List<ContentSource> sources = new CopyOnWriteArrayList<>();

    public SkillReconciler(
            KubernetesClient client,
            SkillSynchronizer synchronizer,
            SkillValidator validator,
            FailurePolicy failures,
            ApiKeyResolver apiKeys,
            SkillEventRecorder events,
            SkillsyncMetrics metrics,
            Clock clock,
            Instance<ContentSource> otherSources) {
        this.client = client;
        this.synchronizer = synchronizer;
        this.validator = validator;
        this.failures = failures;
        this.apiKeys = apiKeys;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        otherSources.forEach(sources::add);
    }

    @Override
    public List<EventSource<?, Skill>> prepareEventSources(EventSourceContext<Skill> context) {
        context.getPrimaryCache().addIndexer(CONFIGMAP_INDEX, skill -> {
            var source = skill.getSpec() == null || skill.getSpec().getSource() == null
                    ? null
                    : skill.getSpec().getSource().getConfigMap();
            return source == null
                    ? List.of()
                    : List.of(indexKey(source.getName(), skill.getMetadata().getNamespace()));
        });
        // Only labelled ConfigMaps are cached; others are read directly when a Skill needs them.
        var configuration = InformerEventSourceConfiguration.from(ConfigMap.class, Skill.class)
                .withName(CONFIGMAP_SOURCE)
                .withLabelSelector(Constants.SOURCE_LABEL_SELECTOR)
                .withSecondaryToPrimaryMapper((ConfigMap configMap) -> context
                        .getPrimaryCache()
                        .byIndex(
                                CONFIGMAP_INDEX,
                                indexKey(
                                        configMap.getMetadata().getName(),
                                        configMap.getMetadata().getNamespace()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
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
        SkillWrites writes = new SkillWrites(skill, context);
        List<SpecProblem> specProblems = SkillSpecRules.problems(skill.getSpec());
        if (!specProblems.isEmpty()) {
            // Only a fix of the spec helps (the interval itself may be what is wrong), and a fix starts a reconcile.
            return fail(skill, writes, invalidSpec(specProblems), null, false, now);
        }
        if (skill.getSpec().isSuspended()) {
            return finish(skill, writes, new SyncOutcome.Suspended(), next -> null, now);
        }
        SourceSnapshot snapshot;
        SkillBundle desired;
        try {
            snapshot = sourceFor(skill).fetch(skill);
            desired = validator.validate(snapshot.files());
        } catch (SkillFailure e) {
            return fail(skill, writes, e, false, now);
        }
        if (!RemoteCheckPolicy.remoteCheckNeeded(skill, desired.contentHash(), now)) {
            return finish(
                    skill,
                    writes,
                    new SyncOutcome.Synced(
                            recordedRemote(skill.getStatus()),
                            snapshot.revision(),
                            false,
                            readyMessage(skill, snapshot)),
                    next -> RemoteCheckPolicy.untilDriftCheck(skill, next, now),
                    now);
        }
        try {
            ApiKey key = apiKeys.resolve(skill);
            RemoteState remote =
                    synchronizer.sync(syncRequest(skill, key, desired, now), new ClusterProgress(skill, writes));
            return finish(
                    skill,
                    writes,
                    new SyncOutcome.Synced(remote, snapshot.revision(), true, readyMessage(skill, snapshot)),
                    next -> RemoteCheckPolicy.untilDriftCheck(skill, next, now),
                    now);
        } catch (MissingApiKeyException e) {
            return fail(skill, writes, e, false, now);
        } catch (SkillFailure | SkillsApiException e) {
            return fail(skill, writes, e, true, now);
        }
    }

    /** Anything not foreseen (the Kubernetes API failing, say) still shows in status; java-operator-sdk retries. */
    @Override
    public ErrorStatusUpdateControl<Skill> updateErrorStatus(Skill skill, Context<Skill> context, Exception e) {
        // Not a SkillFailure, so no interval is needed, and the spec's may not parse.
        FailureVerdict verdict = failures.judge(e, skill.getStatus(), null, clock.instant());
        LOG.warnf(e, "Skill %s: %s", key(skill), verdict.message());
        events.warning(skill, verdict.reason(), verdict.message());
        SkillStatus next = StatusAggregator.aggregate(skill, verdict.outcome(false), clock.instant());
        return next.equals(skill.getStatus())
                ? ErrorStatusUpdateControl.noStatusUpdate()
                : ErrorStatusUpdateControl.patchStatus(SkillWrites.statusPatch(skill, next));
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
        SkillWrites writes = new SkillWrites(skill, context);
        try {
            String skillId = skillIdOf(skill);
            // The key is resolved only when there is something remote to find or delete.
            ApiKey key = null;
            if (skillId == null
                    && skill.getStatus() != null
                    && skill.getStatus().getPendingCreate() != null) {
                key = apiKeys.resolve(skill);
                skillId = synchronizer.skillIdOfPendingCreate(
                        key, skill.getStatus().getPendingCreate());
            }
            if (skillId == null) {
                return DeleteControl.defaultDelete();
            }
            writes.status(StatusAggregator.aggregate(
                    skill, new SyncOutcome.Deleting("deleting remote skill " + skillId), now));
            synchronizer.deleteRemote(key != null ? key : apiKeys.resolve(skill), skillId);
            events.normal(skill, "SkillDeleted", "deleted remote skill " + skillId + " and its versions");
            return DeleteControl.defaultDelete();
        } catch (SkillFailure | SkillsApiException e) {
            FailureVerdict blocked = failures.deletionBlocked(e, skill.getStatus(), now);
            events.warning(skill, blocked.reason(), blocked.message());
            writes.status(StatusAggregator.aggregate(skill, new SyncOutcome.DeletionBlocked(blocked.message()), now));
            // A change that landed during the status write (deletionPolicy Orphan, say) is acted on at once.
            return writes.foreignChangeSeen()
                    ? DeleteControl.noFinalizerRemoval().reschedule()
                    : DeleteControl.noFinalizerRemoval().rescheduleAfter(blocked.retryAfter());
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
        new SkillWrites(skill, context)
                .status(StatusAggregator.aggregate(skill, new SyncOutcome.DeletionBlocked(message), clock.instant()));
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
        Skill read =
                context.getPrimaryCache().get(ResourceID.fromResource(skill)).orElse(null);
        if (read == null
                || !Objects.equals(
                        read.getMetadata().getGeneration(), skill.getMetadata().getGeneration())) {
            return false;
        }
        if (read.getSpec() != null && skill.getSpec() != null) {
            skill.getSpec().keepReadProblemsOf(read.getSpec());
        }
        return true;
    }

    /** Stalled until the spec changes: the generation change of a fix starts the next reconcile. */
    private static SkillFailure invalidSpec(List<SpecProblem> problems) {
        return SkillFailure.needsPerson(SkillConditions.INVALID_SPEC, joined(problems));
    }

    private static String joined(List<SpecProblem> problems) {
        return problems.stream().map(SpecProblem::message).collect(Collectors.joining(" | "));
    }

    private ContentSource sourceFor(Skill skill) throws SourceException {
        return sources.stream()
                .filter(source -> source.handles(skill))
                .findFirst()
                .orElseThrow(() -> new SourceException(
                        SourceException.Kind.INVALID_CONTENT, "spec.source must set exactly one of configMap or oci"));
    }

    private SyncRequest syncRequest(Skill skill, ApiKey key, SkillBundle desired, Instant now) {
        SkillStatus status = skill.getStatus() == null ? new SkillStatus() : skill.getStatus();
        boolean pruneDue = !Objects.equals(skill.getMetadata().getGeneration(), status.getObservedGeneration());
        return new SyncRequest(
                key,
                skill.effectiveDisplayTitle(),
                desired,
                skill.annotation(Constants.SKILL_ID_ANNOTATION),
                status.getSkillId(),
                status.getPendingCreate(),
                status.getVersions(),
                skill.getSpec().maxVersions(),
                pruneDue,
                status.getSkillName(),
                RemoteCheckPolicy.statusKnowsRemote(skill, now));
    }

    private UpdateControl<Skill> fail(
            Skill skill, SkillWrites writes, Exception failure, boolean remoteChecked, Instant now) {
        return fail(skill, writes, failure, skill.getSpec().intervalDuration(), remoteChecked, now);
    }

    /** @param interval when to look again at a Skill that needs a person; null to wait for a change of the Skill */
    private UpdateControl<Skill> fail(
            Skill skill, SkillWrites writes, Exception failure, Duration interval, boolean remoteChecked, Instant now) {
        FailureVerdict verdict = failures.judge(failure, skill.getStatus(), interval, now);
        LOG.infof("Skill %s not synced: %s: %s", key(skill), verdict.reason(), verdict.message());
        events.warning(skill, verdict.reason(), verdict.message());
        return finish(skill, writes, verdict.outcome(remoteChecked), next -> verdict.retryAfter(), now);
    }

    /**
     * Writes the status (unless unchanged) and says when to reconcile next: at once when one of this reconcile's
     * writes showed a change it did not act on (see {@link SkillWrites} for why java-operator-sdk would not).
     *
     * @param rescheduleAfter by the next status: when to reconcile again, null to wait for a change
     */
    private UpdateControl<Skill> finish(
            Skill skill,
            SkillWrites writes,
            SyncOutcome outcome,
            Function<SkillStatus, Duration> rescheduleAfter,
            Instant now) {
        SkillStatus next = StatusAggregator.aggregate(skill, outcome, now);
        metrics.reconciled(key(skill), readyReason(next));
        writes.status(next);
        UpdateControl<Skill> control = UpdateControl.noUpdate();
        if (writes.foreignChangeSeen()) {
            return control.reschedule();
        }
        Duration after = rescheduleAfter.apply(next);
        return after == null ? control : control.rescheduleAfter(atLeastOneSecond(after));
    }

    private static Duration atLeastOneSecond(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : duration;
    }

    private static String skillIdOf(Skill skill) {
        String annotated = skill.annotation(Constants.SKILL_ID_ANNOTATION);
        return annotated != null
                ? annotated
                : skill.getStatus() == null ? null : skill.getStatus().getSkillId();
    }

    private static RemoteState recordedRemote(SkillStatus status) {
        return new RemoteState(
                status.getSkillId(),
                status.getLatestVersion(),
                status.getContentHash(),
                status.getVersions(),
                status.getSkillName());
    }

    private static String readyMessage(Skill skill, SourceSnapshot snapshot) {
        if (snapshot.watched() || skill.getSpec().getSource().getConfigMap() == null) {
            return "remote skill is up to date";
        }
        return "remote skill is up to date; ConfigMap "
                + skill.getSpec().getSource().getConfigMap().getName()
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
        private final SkillWrites writes;

        ClusterProgress(Skill skill, SkillWrites writes) {
            this.skill = skill;
            this.writes = writes;
        }

        @Override
        public void createStarting(PendingCreate pendingCreate) {
            writes.status(StatusAggregator.withPendingCreate(skill, pendingCreate, clock.instant()));
        }

        @Override
        public void versionUploadStarting(String skillId, String contentHash) {
            writes.status(StatusAggregator.withPendingUpload(skill, skillId, contentHash, clock.instant()));
        }

        @Override
        public void skillIdentified(String skillId) {
            writes.skillIdAnnotation(skillId);
        }

        @Override
        public void versionCreated(String skillId, String version, String contentHash) {
            metrics.versionCreated();
            events.normal(
                    skill,
                    "VersionCreated",
                    "created version " + version + " of remote skill " + skillId + " with content " + contentHash);
        }

        @Override
        public void versionsPruned(String skillId, List<String> versions, int kept) {
            metrics.versionsPruned(versions.size());
            events.normal(
                    skill,
                    "VersionsPruned",
                    "deleted " + versions.size() + " old version(s) of remote skill " + skillId + " to keep " + kept
                            + ": " + String.join(", ", versions));
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
