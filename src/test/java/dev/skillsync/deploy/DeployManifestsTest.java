package dev.skillsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/ must be what the chart renders with its default values. With -Dskillsync.regenerate-deploy=true this test
 * first rewrites deploy/ (and the chart's copy of the CRD) and then checks what it wrote.
 */
class DeployManifestsTest {

    static final String REGENERATE_PROPERTY = "skillsync.regenerate-deploy";
    private static final String HOW_TO_FIX = "deploy/ is out of date with the chart; regenerate it with: "
            + "mvn -B -q test -Dtest=DeployManifestsTest -D" + REGENERATE_PROPERTY + "=true";

    @BeforeAll
    static void regenerateWhenAsked() {
        if (Boolean.getBoolean(REGENERATE_PROPERTY)) {
            DeployManifests.write();
        }
    }

    @Test
    void everyFileHoldsWhatTheChartRenders() {
        for (Map.Entry<String, List<HasMetadata>> file :
                DeployManifests.fromChart().entrySet()) {
            Path path = ProjectFiles.DEPLOY.resolve(file.getKey());
            assertThat(path).as(HOW_TO_FIX).isRegularFile();

            Manifests checkedIn = Manifests.parse(ProjectFiles.read(path));

            assertThat(Manifests.asJson(checkedIn.objects()))
                    .as("%s: %s", file.getKey(), HOW_TO_FIX)
                    .containsExactlyInAnyOrderElementsOf(Manifests.asJson(file.getValue()));
        }
    }

    @Test
    void theKustomizationAppliesEveryFile() throws IOException {
        JsonNode kustomization = new YAMLMapper()
                .readTree(ProjectFiles.read(ProjectFiles.DEPLOY.resolve(DeployManifests.KUSTOMIZATION)));

        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> resources.add(resource.asText()));
        assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
        assertThat(resources)
                .as(HOW_TO_FIX)
                .containsExactlyElementsOf(DeployManifests.fromChart().keySet());
    }

    @Test
    void everythingIsInstalledIntoTheOperatorsNamespace() {
        DeployManifests.fromChart().values().stream()
                .flatMap(List::stream)
                .filter(object -> !List.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding")
                        .contains(object.getKind()))
                .forEach(object -> assertThat(object.getMetadata().getNamespace())
                        .as(
                                "namespace of %s %s",
                                object.getKind(), object.getMetadata().getName())
                        .isEqualTo(OperatorChart.NAMESPACE));
    }

    /** As the API server would receive them: unset and empty fields look the same. */
}
