package dev.skillsync.local;

import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillConditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Optional;

/** A Skill's Ready condition, as {@code kubectl get skills} shows it. */
public final class ReadyCondition {

    private ReadyCondition() {}

    public static Optional<Condition> of(Skill skill) {
        return Optional.ofNullable(skill.getStatus()).flatMap(status -> status.condition(SkillConditions.READY));
    }

    public static boolean isTrue(Skill skill) {
        return of(skill).filter(c -> "True".equals(c.getStatus())).isPresent();
    }
}
