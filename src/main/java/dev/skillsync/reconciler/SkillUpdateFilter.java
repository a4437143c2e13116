package dev.skillsync.reconciler;

import dev.skillsync.resource.Skill;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;

/**
 * Lets through the Skill updates a sync must answer ({@link SkillChange}) and every update of a Skill being deleted.
 * Status-only and other metadata updates are ignored.
 */
public class SkillUpdateFilter implements OnUpdateFilter<Skill> {

    @Override
    public boolean accept(Skill updated, Skill previous) {
        return updated.isMarkedForDeletion() || SkillChange.needsSync(previous, updated);
    }
}
