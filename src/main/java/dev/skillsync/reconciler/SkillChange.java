package dev.skillsync.reconciler;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import java.util.Objects;

/**
 * Which changes between two states of a Skill a sync must answer: a new generation (the spec), deletion, the
 * finalizers, and the two annotations users write (skill-id to adopt, reconcile-requested-at to sync now). Status and
 * other metadata are not among them.
 */
public final class SkillChange {

    private SkillChange() {}

    public static boolean needsSync(Skill before, Skill after) {
        return !Objects.equals(
                        after.getMetadata().getGeneration(),
                        before.getMetadata().getGeneration())
                || !Objects.equals(
                        after.getMetadata().getDeletionTimestamp(),
                        before.getMetadata().getDeletionTimestamp())
                || !Objects.equals(
                        after.getMetadata().getFinalizers(),
                        before.getMetadata().getFinalizers())
                || annotationChanged(before, after, Constants.SKILL_ID_ANNOTATION)
                || annotationChanged(before, after, Constants.RECONCILE_REQUESTED_AT_ANNOTATION);
    }

    private static boolean annotationChanged(Skill before, Skill after, String annotation) {
        return !Objects.equals(after.annotation(annotation), before.annotation(annotation));
    }
}
