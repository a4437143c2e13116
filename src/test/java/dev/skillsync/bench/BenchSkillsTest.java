package dev.skillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.Constants;
import dev.skillsync.content.ConfigMapFiles;
import dev.skillsync.content.SkillBundle;
import dev.skillsync.content.SkillValidator;
import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.resource.Skill;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

class BenchSkillsTest {

    private final BenchSkills skills = new BenchSkills(100);
    private final SkillValidator validator = new SkillValidator(FakeSkillsApi.DEFAULT_MAX_UPLOAD_BYTES);

    @Test
    void namesSortInCreationOrder() {
        assertThat(skills.indexes().mapToObj(skills::name))
                .isSorted()
                .startsWith("bench-001", "bench-002")
                .endsWith("bench-100");
    }

    @Test
    void eachSkillReadsItsOwnLabelledConfigMapHoldingAValidSkillOfItsName() throws Exception {
        Skill skill = skills.skill(7);
        ConfigMap configMap = skills.configMap(7, 1);

        assertThat(skill.getMetadata().getName()).isEqualTo("bench-007");
        assertThat(skill.getSpec().getSource().getConfigMap().getName())
                .isEqualTo(configMap.getMetadata().getName());
        assertThat(configMap.getMetadata().getLabels()).containsEntry(Constants.SOURCE_LABEL, "true");
        SkillBundle bundle = validator.validate(ConfigMapFiles.extract(configMap, null));
        assertThat(bundle.manifest().name()).isEqualTo("bench-007");
    }

    @Test
    void anotherRevisionIsAnotherContentHash() throws Exception {
        SkillBundle first = validator.validate(ConfigMapFiles.extract(skills.configMap(7, 1), null));
        SkillBundle second = validator.validate(ConfigMapFiles.extract(skills.configMap(7, 2), null));

        assertThat(second.contentHash()).isNotEqualTo(first.contentHash());
    }
}
