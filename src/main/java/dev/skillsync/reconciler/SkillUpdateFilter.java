package dev.skillsync.reconciler;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;

import java.util.Objects;

/**
 * Lets through the Skill updates a sync must answer: a new generation, deletion, and the two annotations users write
 * (skill-id to adopt, reconcile-requested-at to sync now). Status-only and other metadata updates are ignored.
 */
public class SkillUpdateFilter implements OnUpdateFilter<Skill> {

    @Override
    public boolean accept(Skill updated, Skill previous) {
        return !Objects.equals(updated.getMetadata().getGeneration(), previous.getMetadata().getGeneration())
                || updated.isMarkedForDeletion()
                || !updated.getMetadata().getFinalizers().equals(previous.getMetadata().getFinalizers())
                || annotationChanged(updated, previous, Constants.SKILL_ID_ANNOTATION)
                || annotationChanged(updated, previous, Constants.RECONCILE_REQUESTED_AT_ANNOTATION);
    }

    private static boolean annotationChanged(Skill updated, Skill previous, String annotation) {
        return !Objects.equals(updated.annotation(annotation), previous.annotation(annotation));
    }
}
