package dev.skillsync.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Skill is read as the informer reads it: whatever its spec holds, reading never fails. */
class SkillReadingTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    private Skill read(String specJson) {
        return serialization.unmarshal("""
                {"apiVersion": "skillsync.dev/v1alpha1", "kind": "Skill",
                 "metadata": {"name": "s", "namespace": "ns", "generation": 1},
                 "spec": %s}""".formatted(specJson), Skill.class);
    }

    private static List<String> fields(Skill skill) {
        return skill.getSpec().readProblems().stream().map(SpecProblem::field).toList();
    }

    @Test
    void aValidSpecIsReadWithoutProblems() {
        Skill skill = read("""
                {"displayTitle": "Title", "source": {"configMap": {"name": "files",
                 "items": [{"key": "a", "path": "b/a"}]}}, "interval": "5m", "suspend": true,
                 "retention": {"maxVersions": 3}, "deletionPolicy": "Orphan",
                 "apiKeySecretRef": {"name": "key", "key": "k"}}""");

        assertThat(skill.getSpec().readProblems()).isEmpty();
        assertThat(skill.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.Orphan);
        assertThat(skill.getSpec().getSource().getConfigMap().getItems()).containsExactly(new KeyToPath("a", "b/a"));
        assertThat(skill.getSpec().maxVersions()).isEqualTo(3);
        assertThat(skill.getSpec().isSuspended()).isTrue();
    }

    @Test
    void anUnknownEnumValueIsReportedWithTheAllowedValuesAndTheRestIsKept() {
        Skill skill = read("""
                {"displayTitle": "Kept", "source": {"configMap": {"name": "files"}}, "deletionPolicy": "Sometimes"}""");

        SpecProblem problem = skill.getSpec().readProblems().get(0);
        assertThat(problem.field()).isEqualTo("spec.deletionPolicy");
        assertThat(problem.message()).contains("'Sometimes'", "Delete, Orphan");
        assertThat(skill.getSpec().unreadable("spec.deletionPolicy")).isTrue();
        assertThat(skill.getSpec().getDisplayTitle()).isEqualTo("Kept");
        assertThat(skill.getSpec().getSource().getConfigMap().getName()).isEqualTo("files");
    }

    @Test
    void everyValueOfTheWrongJsonTypeIsReportedAtOnce() {
        Skill skill = read("""
                {"source": {"configMap": {"name": "files", "items": [{"key": 5, "path": "a"}, "b"]}},
                 "interval": 10, "suspend": "yes", "retention": {"maxVersions": "ten"},
                 "apiKeySecretRef": ["key"]}""");

        assertThat(fields(skill))
                .containsExactlyInAnyOrder(
                        "spec.source.configMap.items[0].key",
                        "spec.source.configMap.items[1]",
                        "spec.interval",
                        "spec.suspend",
                        "spec.retention.maxVersions",
                        "spec.apiKeySecretRef");
        assertThat(skill.getSpec().readProblems())
                .extracting(SpecProblem::message)
                .anySatisfy(m -> assertThat(m).contains("spec.suspend is 'yes'", "true or false"))
                .anySatisfy(m -> assertThat(m).contains("spec.retention.maxVersions is 'ten'", "whole number"))
                .anySatisfy(m -> assertThat(m).contains("spec.apiKeySecretRef is a list", "object"));
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        Skill skill = read("""
                {"source": {"configMap": {"name": "files"}}, "retention": {"maxVersions": 1.5}}""");

        assertThat(fields(skill)).containsExactly("spec.retention.maxVersions");
        assertThat(skill.getSpec().getRetention().getMaxVersions()).isNotEqualTo(1);
    }

    @Test
    void aDeletionNeedsThePolicyAndTheKeyToBeReadable() {
        assertThat(SkillSpecRules.deletionProblems(read("""
                {"source": "files", "interval": 5, "deletionPolicy": "Orphan"}""").getSpec())).isEmpty();
        assertThat(SkillSpecRules.deletionProblems(read("""
                {"source": {"configMap": {"name": "files"}}, "deletionPolicy": "Sometimes"}""").getSpec()))
                .extracting(SpecProblem::field)
                .containsExactly("spec.deletionPolicy");
        assertThat(SkillSpecRules.deletionProblems(read("""
                {"source": {"configMap": {"name": "files"}}, "apiKeySecretRef": {"name": ["key"]}}""").getSpec()))
                .extracting(SpecProblem::field)
                .containsExactly("spec.apiKeySecretRef.name");
        assertThat(SkillSpecRules.deletionProblems(read("42").getSpec()))
                .extracting(SpecProblem::field)
                .containsExactly("spec");
    }

    @Test
    void aSpecThatIsNotAnObjectIsReportedAsAWhole() {
        Skill skill = read("\"pdf-tools\"");

        assertThat(fields(skill)).containsExactly("spec");
        assertThat(skill.getSpec().readProblems().get(0).message()).contains("spec must be an object", "'pdf-tools'");
        assertThat(skill.getSpec().unreadable("spec.deletionPolicy")).isTrue();
    }

    @Test
    void aSourceThatIsNotAnObjectIsReported() {
        Skill skill = read("{\"source\": \"files\"}");

        assertThat(fields(skill)).containsExactly("spec.source");
        assertThat(skill.getSpec().getSource()).isNull();
    }

    @Test
    void aJsonCopyTakesTheProblemsFromTheSkillAsRead() {
        Skill skill = read("""
                {"source": {"configMap": {"name": "files"}}, "deletionPolicy": "Sometimes", "suspend": "yes"}""");
        Skill copy = serialization.clone(skill);
        assertThat(copy.getSpec().readProblems()).isEmpty();

        copy.getSpec().keepReadProblemsOf(skill.getSpec());

        assertThat(copy.getSpec().readProblems())
                .hasSize(2)
                .isEqualTo(skill.getSpec().readProblems());
        assertThat(copy.getSpec()).isEqualTo(skill.getSpec());
    }

    @Test
    void aStatusThatCannotBeReadLosesOnlyTheFieldsInError() {
        Skill skill = serialization.unmarshal("""
                {"apiVersion": "skillsync.dev/v1alpha1", "kind": "Skill", "metadata": {"name": "s"},
                 "spec": {"source": {"configMap": {"name": "files"}}},
                 "status": {"skillId": "skill_1", "versions": "many", "observedGeneration": "x"}}""", Skill.class);

        assertThat(skill.getStatus().getSkillId()).isEqualTo("skill_1");
        assertThat(skill.getStatus().getObservedGeneration()).isNull();
    }
}
