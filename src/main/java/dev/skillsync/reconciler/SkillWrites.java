package dev.skillsync.reconciler;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator's writes of one Skill during one reconcile (status and the skill-id annotation), and whether the API
 * server's answers show a change someone else made meanwhile that a sync must answer.
 * <p>
 * Why the answers are checked: java-operator-sdk 5.3.x loses a change that lands while one of its own writes of the
 * resource is in flight (the writes here, done through its ResourceOperations so that the next reconcile reads
 * them back). The change's event is deferred, then dropped as covered by the write, whose answer carries a newer
 * resourceVersion; and the event of the write itself is skipped as the operator's own (java-operator-sdk issue #3398).
 * Nothing reconciles the Skill until its interval. The answer does carry the change, so it is compared with the Skill
 * as this reconcile saw it, and the reconciler asks for a reconcile at once when a change shows. This can go once the
 * operator runs on a java-operator-sdk release with the rework of that filtering (pull request #3414).
 */
final class SkillWrites {

    private final Skill skill;
    private final Context<Skill> context;
    /** The Skill's metadata as this reconcile saw it, with the operator's own metadata writes applied. */
    private final Skill seen = new Skill();

    private boolean foreignChangeSeen;

    /** The writes of this reconcile's Skill, which each write keeps up to date with what it wrote. */
    SkillWrites(Skill skill, Context<Skill> context) {
        this.skill = skill;
        this.context = context;
        seen.setMetadata(new ObjectMetaBuilder(skill.getMetadata()).build());
    }

    /** Writes the status by server-side apply, unless it would not change. */
    void status(SkillStatus next) {
        if (next.equals(skill.getStatus())) {
            return;
        }
        Skill answer = context.resourceOperations().serverSideApplyPrimaryStatus(statusPatch(skill, next));
        skill.setStatus(answer.getStatus());
        check(answer);
    }

    /** Records the remote skill's ID in its annotation, which survives a restore of the resource without its status. */
    void skillIdAnnotation(String skillId) {
        if (skillId.equals(skill.annotation(Constants.SKILL_ID_ANNOTATION))) {
            return;
        }
        // A merge patch of this one annotation, as the operator's own write: its event starts no reconcile (this one
        // already knows the ID), and the answer shows any change that landed meanwhile.
        // The patch is this text: a merge patch made from a Skill object removed the spec (measured in the scenario
        // tests). Addressed by an object, since by name the client reads the Skill before it patches.
        String patch = Serialization.asJson(
                Map.of("metadata", Map.of("annotations", Map.of(Constants.SKILL_ID_ANNOTATION, skillId))));
        Skill answer = context.resourceOperations()
                .resourcePatch(
                        identityOf(skill),
                        target -> context.getClient()
                                .resource(target)
                                .patch(PatchContext.of(PatchType.JSON_MERGE), patch),
                        context.eventSourceRetriever().getControllerEventSource());
        annotate(skill, skillId);
        annotate(seen, skillId);
        check(answer);
    }

    /** Whether an answer showed a change by someone else that this reconcile did not act on. */
    boolean foreignChangeSeen() {
        return foreignChangeSeen;
    }

    private void check(Skill answer) {
        foreignChangeSeen |= SkillChange.needsSync(seen, answer);
    }

    /** A Skill carrying only its identity and the status: what server-side apply of the status should send. */
    static Skill statusPatch(Skill skill, SkillStatus status) {
        Skill patch = identityOf(skill);
        patch.setStatus(status);
        return patch;
    }

    private static Skill identityOf(Skill skill) {
        Skill identity = new Skill();
        identity.setMetadata(new ObjectMetaBuilder()
                .withName(skill.getMetadata().getName())
                .withNamespace(skill.getMetadata().getNamespace())
                .build());
        return identity;
    }

    private static void annotate(Skill skill, String skillId) {
        Map<String, String> annotations = skill.getMetadata().getAnnotations() == null
                ? new HashMap<>()
                : new HashMap<>(skill.getMetadata().getAnnotations());
        annotations.put(Constants.SKILL_ID_ANNOTATION, skillId);
        skill.getMetadata().setAnnotations(annotations);
    }
}
