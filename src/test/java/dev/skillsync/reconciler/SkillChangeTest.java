package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.Constants;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillChangeTest {

    private static final String DELETED_AT = "2026-11-22T10:00:00Z";

    @Test
    void theSpecDeletionFinalizersAndUserAnnotationsNeedASync() {
        Skill before = skill(1L, null, List.of(Constants.FINALIZER), Map.of());

        assertThat(SkillChange.needsSync(before, skill(2L, null, List.of(Constants.FINALIZER), Map.of())))
                .isTrue();
        assertThat(SkillChange.needsSync(before, skill(1L, DELETED_AT, List.of(Constants.FINALIZER), Map.of())))
                .isTrue();
        assertThat(SkillChange.needsSync(before, skill(1L, null, List.of(), Map.of())))
                .isTrue();
        assertThat(SkillChange.needsSync(
                        before,
                        skill(
                                1L,
                                null,
                                List.of(Constants.FINALIZER),
                                Map.of(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, "now"))))
                .isTrue();
        assertThat(SkillChange.needsSync(
                        before,
                        skill(
                                1L,
                                null,
                                List.of(Constants.FINALIZER),
                                Map.of(Constants.SKILL_ID_ANNOTATION, "skill_1"))))
                .isTrue();
    }

    @Test
    void statusAndOtherMetadataDoNot() {
        Skill before = skill(1L, null, List.of(Constants.FINALIZER), Map.of());
        Skill after = skill(1L, null, List.of(Constants.FINALIZER), Map.of("team", "a"));
        after.getMetadata().setLabels(Map.of("tier", "b"));
        after.getMetadata().setResourceVersion("42");
        after.setStatus(new SkillStatus());

        assertThat(SkillChange.needsSync(before, after)).isFalse();
    }

    @Test
    void aSkillStillBeingDeletedAsBeforeDoesNot() {
        assertThat(SkillChange.needsSync(
                        skill(3L, DELETED_AT, List.of(Constants.FINALIZER), Map.of()),
                        skill(3L, DELETED_AT, List.of(Constants.FINALIZER), Map.of())))
                .isFalse();
    }

    private static Skill skill(
            Long generation, String deletionTimestamp, List<String> finalizers, Map<String, String> annotations) {
        Skill skill = new Skill();
        skill.setMetadata(new ObjectMetaBuilder()
                .withName("a")
                .withNamespace("ns")
                .withGeneration(generation)
                .withDeletionTimestamp(deletionTimestamp)
                .withFinalizers(finalizers)
                .withAnnotations(annotations)
                .build());
        return skill;
    }
}
