package dev.skillsync.events;

import dev.skillsync.resource.Skill;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records Kubernetes Events on Skills. A repeat of the same event within an hour bumps the count of the Event already
 * written instead of writing another, as kubelet and the controllers in kube-controller-manager do.
 */
@ApplicationScoped
public class SkillEventRecorder {

    private static final Logger LOG = Logger.getLogger(SkillEventRecorder.class);
    private static final String COMPONENT = "skillsync-operator";
    private static final int REMEMBERED = 2048;

    private final KubernetesClient client;
    private final Clock clock;
    private final Map<String, Recorded> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Recorded(String name, int count, Instant first) {}

    public SkillEventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void normal(Skill skill, String reason, String message) {
        record(skill, "Normal", reason, message);
    }

    public void warning(Skill skill, String reason, String message) {
        record(skill, "Warning", reason, message);
    }

    private void record(Skill skill, String type, String reason, String message) {
        String namespace = skill.getMetadata().getNamespace();
        String key = skill.getMetadata().getUid() + "|" + type + "|" + reason + "|" + message;
        Instant instant = clock.instant();
        String now = instant.truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            Recorded previous;
            synchronized (recent) {
                previous = recent.get(key);
            }
            if (previous != null
                    && previous.first().isAfter(instant.minus(1, ChronoUnit.HOURS))
                    && bumpCount(namespace, previous, now)) {
                remember(key, new Recorded(previous.name(), previous.count() + 1, previous.first()));
                return;
            }
            Event event = new EventBuilder()
                    .withNewMetadata()
                    .withGenerateName(skill.getMetadata().getName() + ".")
                    .withNamespace(namespace)
                    .endMetadata()
                    .withInvolvedObject(new ObjectReferenceBuilder()
                            .withApiVersion(skill.getApiVersion())
                            .withKind(skill.getKind())
                            .withName(skill.getMetadata().getName())
                            .withNamespace(namespace)
                            .withUid(skill.getMetadata().getUid())
                            .withResourceVersion(skill.getMetadata().getResourceVersion())
                            .build())
                    .withType(type)
                    .withReason(reason)
                    .withMessage(message)
                    .withFirstTimestamp(now)
                    .withLastTimestamp(now)
                    .withCount(1)
                    .withNewSource()
                    .withComponent(COMPONENT)
                    .endSource()
                    .withReportingComponent(COMPONENT)
                    .build();
            Event created =
                    client.v1().events().inNamespace(namespace).resource(event).create();
            remember(key, new Recorded(created.getMetadata().getName(), 1, instant));
        } catch (KubernetesClientException e) {
            // An Event is a courtesy: failing to write one must not fail the sync.
            LOG.warnf(
                    "could not record event %s on Skill %s/%s: %s",
                    reason, namespace, skill.getMetadata().getName(), e.getMessage());
        }
    }

    /** A merge patch needs no read first, so RBAC can stay at create and patch. False when the Event is gone. */
    private boolean bumpCount(String namespace, Recorded previous, String now) {
        String patch = Serialization.asJson(Map.of("count", previous.count() + 1, "lastTimestamp", now));
        try {
            client.v1()
                    .events()
                    .inNamespace(namespace)
                    .withName(previous.name())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void remember(String key, Recorded recorded) {
        synchronized (recent) {
            recent.put(key, recorded);
        }
    }
}
