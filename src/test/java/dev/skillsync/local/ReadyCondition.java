package dev.skillsync.local;

import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillConditions;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.Optional;

/** A Skill's Ready condition, as {@code kubectl get skills} shows it. */
public final class ReadyCondition {

    private ReadyCondition() {
    }

    public static Optional<Condition> of(Skill skill) {
        if (skill.getStatus() == null) {
            return Optional.empty();
        }
        return skill.getStatus().getConditions().stream()
                .filter(c -> SkillConditions.READY.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(Skill skill) {
        return of(skill).filter(c -> "True".equals(c.getStatus())).isPresent();
    }
}
