package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillUpdateFilterTest {

    private final SkillUpdateFilter filter = new SkillUpdateFilter();

    @Test
    void aNewGenerationTriggersASync() {
        assertThat(filter.accept(skill(2L, Map.of()), skill(1L, Map.of()))).isTrue();
    }

    @Test
    void aStatusOrLabelOnlyUpdateDoesNot() {
        assertThat(filter.accept(skill(1L, Map.of("other", "x")), skill(1L, Map.of())))
                .isFalse();
    }

    @Test
    void theAnnotationsUsersWriteTriggerASync() {
        assertThat(filter.accept(
                        skill(1L, Map.of(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, "now")), skill(1L, Map.of())))
                .isTrue();
        assertThat(filter.accept(
                        skill(1L, Map.of(Constants.SKILL_ID_ANNOTATION, "skill_2")),
                        skill(1L, Map.of(Constants.SKILL_ID_ANNOTATION, "skill_1"))))
                .isTrue();
    }

    @Test
    void deletionTriggersCleanup() {
        Skill deleted = skill(1L, Map.of());
        deleted.getMetadata().setDeletionTimestamp("2026-11-22T10:00:00Z");
        assertThat(filter.accept(deleted, skill(1L, Map.of()))).isTrue();
    }

    private static Skill skill(Long generation, Map<String, String> annotations) {
        Skill skill = new Skill();
        skill.setMetadata(new ObjectMetaBuilder()
                .withName("a")
                .withNamespace("ns")
                .withGeneration(generation)
                .withAnnotations(annotations)
                .build());
        return skill;
    }
}
