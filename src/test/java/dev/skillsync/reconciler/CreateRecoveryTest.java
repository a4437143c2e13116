package dev.skillsync.reconciler;

import dev.skillsync.resource.PendingCreate;
import dev.skillsync.skillsapi.RemoteSkill;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CreateRecoveryTest {

    private static final PendingCreate PENDING = new PendingCreate("team-a/pdf", "sha256:aa", "2026-11-22T10:00:00Z");

    @Test
    void noSkillWithTheTitleMeansTheCreateNeverHappened() {
        assertThat(CreateRecovery.decide(PENDING, List.of(skill("skill_x", "other", "2026-11-22T10:00:01Z"))))
                .isInstanceOf(CreateRecovery.CreateNew.class);
    }

    @Test
    void oneSkillWithTheTitleMadeSinceTheCreateStartedIsAdopted() {
        var decision = CreateRecovery.decide(PENDING, List.of(skill("skill_1", "team-a/pdf", "2026-11-22T10:00:01Z")));
        assertThat(decision).isEqualTo(new CreateRecovery.Adopt(skill("skill_1", "team-a/pdf", "2026-11-22T10:00:01Z")));
    }

    @Test
    void aSmallClockSkewStillCountsAsOurs() {
        assertThat(CreateRecovery.decide(PENDING, List.of(skill("skill_1", "team-a/pdf", "2026-11-22T09:58:00Z"))))
                .isInstanceOf(CreateRecovery.Adopt.class);
    }

    @Test
    void anOlderSkillWithTheTitleIsSomeoneElses() {
        assertThat(CreateRecovery.decide(PENDING, List.of(skill("skill_old", "team-a/pdf", "2026-01-01T00:00:00Z"))))
                .isInstanceOf(CreateRecovery.TitleTaken.class);
    }

    @Test
    void severalCandidatesAreAmbiguousAndNamed() {
        var decision = CreateRecovery.decide(PENDING, List.of(skill("skill_1", "team-a/pdf", "2026-11-22T10:00:01Z"),
                skill("skill_2", "team-a/pdf", "2026-11-22T10:00:02Z")));
        assertThat(decision).isInstanceOf(CreateRecovery.Ambiguous.class);
        assertThat(((CreateRecovery.Ambiguous) decision).message()).contains("skill_1", "skill_2",
                "skillsync.dev/skill-id");
    }

    private static RemoteSkill skill(String id, String title, String createdAt) {
        return new RemoteSkill(id, title, "1", "custom", createdAt, createdAt);
    }
}
