package dev.skillsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.skillsync.Constants;
import dev.skillsync.resource.KeyToPath;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.ExternalCommand;
import dev.skillsync.testing.TestTier;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What {@code kubectl apply -k} would send for deploy/ and for the kustomize example, built by kubectl's kustomize. */
@Tag(TestTier.EXTERNAL_TOOLS_TAG)
class KustomizeBuildTest {

    @Test
    void deployBuildsIntoWhatTheChartRenders() {
        Manifests built = Manifests.parse(ExternalCommand.KUBECTL.run("kustomize", ProjectFiles.DEPLOY.toString()));

        List<HasMetadata> expected = DeployManifests.fromChart().values().stream()
                .flatMap(List::stream)
                .toList();
        assertThat(Manifests.asJson(built.objects())).containsExactlyInAnyOrderElementsOf(Manifests.asJson(expected));
    }

    @Test
    void theExampleBuildsAWatchedConfigMapThatItsSkillPointsAt() {
        Manifests built =
                Manifests.parse(ExternalCommand.KUBECTL.run("kustomize", ProjectFiles.KUSTOMIZE_EXAMPLE.toString()));

        ConfigMap files = built.single(ConfigMap.class);
        Skill skill = Manifests.SERIALIZATION.convertValue(built.single(GenericKubernetesResource.class), Skill.class);
        assertThat(skill.getKind()).isEqualTo("Skill");
        assertThat(skill.getApiVersion()).isEqualTo(Constants.GROUP + "/" + Constants.VERSION);
        assertThat(files.getMetadata().getNamespace())
                .isEqualTo(skill.getMetadata().getNamespace());
        assertThat(files.getMetadata().getLabels()).containsEntry(Constants.SOURCE_LABEL, "true");
        assertThat(skill.getSpec().getSource().getConfigMap().getName())
                .isEqualTo(files.getMetadata().getName());
        List<KeyToPath> items = skill.getSpec().getSource().getConfigMap().getItems();
        assertThat(items)
                .extracting(KeyToPath::getKey)
                .containsExactlyInAnyOrderElementsOf(files.getData().keySet());
        assertThat(items)
                .extracting(KeyToPath::getPath)
                .contains("SKILL.md")
                .allMatch(path -> path.matches("([A-Za-z0-9._-]+/)*[A-Za-z0-9._-]+") && !path.contains(".."));
    }

    @Test
    void theExampleSkillHasValidFrontMatter() throws IOException {
        Manifests built =
                Manifests.parse(ExternalCommand.KUBECTL.run("kustomize", ProjectFiles.KUSTOMIZE_EXAMPLE.toString()));
        String skillMd = built.single(ConfigMap.class).getData().get("SKILL.md");

        assertThat(skillMd).startsWith("---\n");
        int end = skillMd.indexOf("\n---\n", 4);
        assertThat(end).as("end of the front matter").isPositive();
        JsonNode frontMatter = new YAMLMapper().readTree(skillMd.substring(4, end));
        String name = frontMatter.path("name").asText();
        String description = frontMatter.path("description").asText();
        assertThat(name)
                .matches("[a-z0-9]+(-[a-z0-9]+)*")
                .hasSizeLessThanOrEqualTo(64)
                .doesNotContain("anthropic", "claude");
        assertThat(description).isNotBlank().hasSizeLessThanOrEqualTo(1024).doesNotContain("<", ">");
    }
}
