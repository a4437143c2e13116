package dev.skillsync.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.resource.PendingCreate;
import dev.skillsync.skillsapi.RemoteSkill;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

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
        assertThat(CreateRecovery.decide(
                        PENDING, List.of(ours, skill("skill_x", "other")), hashes(Map.of("skill_1", "sha256:ours"))))
                .isEqualTo(new CreateRecovery.Adopt(ours));
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
        var decision = CreateRecovery.decide(
                PENDING,
                List.of(skill("skill_1", "team-a/pdf"), skill("skill_2", "team-a/pdf")),
                hashes(Map.of("skill_1", "sha256:ours", "skill_2", "sha256:ours")));
        assertThat(decision).isInstanceOf(CreateRecovery.Ambiguous.class);
        assertThat(((CreateRecovery.Ambiguous) decision).message())
                .contains("skill_1", "skill_2", "skillsync.dev/skill-id");
    }

    @Test
    void amongNamesakesTheOneCreatedSinceTheRecordThatCarriesTheUploadIsAdopted() {
        RemoteSkill ours = namesake("skill_ours", "2026-11-22T10:00:01Z");
        RemoteSkill sameNameOtherUpload = namesake("skill_other", "2026-11-22T10:00:02Z");
        RemoteSkill olderThanTheRecord = namesake("skill_old", "2026-11-22T09:40:00Z");
        List<RemoteSkill> skills = List.of(olderThanTheRecord, sameNameOtherUpload, ours, skill("skill_x", "other"));

        assertThat(CreateRecovery.decideAmongNamesakes(
                        PENDING,
                        skills,
                        Duration.ofMinutes(10),
                        skill -> !skill.id().equals("skill_other")))
                .isEqualTo(new CreateRecovery.Adopt(ours));
    }

    @Test
    void aNamesakeWithinTheClockSkewOrOfUnknownAgeIsStillACandidate() {
        RemoteSkill skewed = namesake("skill_skewed", "2026-11-22T09:55:00Z");
        RemoteSkill undated = namesake("skill_undated", null);

        assertThat(CreateRecovery.decideAmongNamesakes(PENDING, List.of(skewed), Duration.ofMinutes(10), s -> true))
                .isEqualTo(new CreateRecovery.Adopt(skewed));
        assertThat(CreateRecovery.decideAmongNamesakes(PENDING, List.of(undated), Duration.ofMinutes(10), s -> true))
                .isEqualTo(new CreateRecovery.Adopt(undated));
    }

    @Test
    void severalNamesakesCarryingTheUploadAreAmbiguousAndNamed() {
        List<RemoteSkill> both =
                List.of(namesake("skill_a", "2026-11-22T10:00:01Z"), namesake("skill_b", "2026-11-22T10:00:02Z"));

        CreateRecovery.Decision decision =
                CreateRecovery.decideAmongNamesakes(PENDING, both, Duration.ofMinutes(10), s -> true);

        assertThat(decision)
                .isInstanceOfSatisfying(
                        CreateRecovery.Ambiguous.class,
                        ambiguous -> assertThat(ambiguous.message())
                                .contains("skill_a", "skill_b", "skillsync.dev/skill-id"));
    }

    @Test
    void noNamesakeCarryingTheUploadMeansCreate() {
        List<RemoteSkill> theirs = List.of(
                namesake("skill_theirs", "2026-11-22T10:00:01Z"), namesake("skill_older", "2026-11-22T09:00:00Z"));

        assertThat(CreateRecovery.decideAmongNamesakes(
                        PENDING,
                        theirs,
                        Duration.ofMinutes(10),
                        skill -> skill.id().equals("skill_older")))
                .isInstanceOf(CreateRecovery.CreateNew.class);
    }

    private static RemoteSkill namesake(String id, String createdAt) {
        return new RemoteSkill(id, "team-a/pdf", "skver_" + id, "custom", createdAt, createdAt);
    }

    private static Function<RemoteSkill, String> hashes(Map<String, String> byId) {
        return skill -> byId.get(skill.id());
    }

    private static RemoteSkill skill(String id, String title) {
        return new RemoteSkill(id, title, "1", "custom", "2026-11-22T10:00:01Z", "2026-11-22T10:00:01Z");
    }
}
