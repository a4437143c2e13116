package dev.skillsync.reconciler;

import dev.skillsync.resource.PendingCreate;
import dev.skillsync.skillsapi.RemoteSkill;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class CreateRecoveryTest {

    private static final PendingCreate PENDING = new PendingCreate("team-a/pdf", "sha256:ours", "2026-11-22T10:00:00Z");

    @Test
    void noSkillWithTheTitleMeansTheCreateNeverHappened() {
        assertThat(CreateRecovery.decide(PENDING, List.of(skill("skill_x", "other")), hashes(Map.of())))
                .isInstanceOf(CreateRecovery.CreateNew.class);
    }

    @Test
    void theSkillWithTheTitleAndTheUploadedContentIsAdopted() {
        RemoteSkill ours = skill("skill_1", "team-a/pdf");
        assertThat(CreateRecovery.decide(PENDING, List.of(ours, skill("skill_x", "other")),
                hashes(Map.of("skill_1", "sha256:ours")))).isEqualTo(new CreateRecovery.Adopt(ours));
    }

    @Test
    void aSkillWithTheTitleButOtherContentIsSomeoneElsesAndLeftAlone() {
        RemoteSkill theirs = skill("skill_theirs", "team-a/pdf");
        assertThat(CreateRecovery.decide(PENDING, List.of(theirs), hashes(Map.of("skill_theirs", "sha256:theirs"))))
                .isEqualTo(new CreateRecovery.TitleTaken(theirs));
    }

    @Test
    void aSkillWithoutVersionsIsNotOurs() {
        RemoteSkill empty = new RemoteSkill("skill_empty", "team-a/pdf", null, "custom", null, null);
        assertThat(CreateRecovery.decide(PENDING, List.of(empty), hashes(Map.of())))
                .isInstanceOf(CreateRecovery.TitleTaken.class);
    }

    @Test
    void severalCandidatesWithOurContentAreAmbiguousAndNamed() {
        var decision = CreateRecovery.decide(PENDING, List.of(skill("skill_1", "team-a/pdf"),
                skill("skill_2", "team-a/pdf")), hashes(Map.of("skill_1", "sha256:ours", "skill_2", "sha256:ours")));
        assertThat(decision).isInstanceOf(CreateRecovery.Ambiguous.class);
        assertThat(((CreateRecovery.Ambiguous) decision).message()).contains("skill_1", "skill_2",
                "skillsync.dev/skill-id");
    }

    private static Function<RemoteSkill, String> hashes(Map<String, String> byId) {
        return skill -> byId.get(skill.id());
    }

    private static RemoteSkill skill(String id, String title) {
        return new RemoteSkill(id, title, "1", "custom", "2026-11-22T10:00:01Z", "2026-11-22T10:00:01Z");
    }
}
