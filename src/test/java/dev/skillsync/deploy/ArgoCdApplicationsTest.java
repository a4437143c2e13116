package dev.skillsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example Applications point at folders of this repository and give the chart values it accepts. */
class ArgoCdApplicationsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path EXAMPLES = ProjectFiles.ROOT.resolve("examples/argocd");

    @Test
    void theOperatorApplicationInstallsTheChartWithValuesItAccepts() throws IOException {
        JsonNode application = YAML.readTree(ProjectFiles.read(EXAMPLES.resolve("application.yaml")));
        JsonNode source = application.path("spec").path("source");

        assertThat(application.path("kind").asText()).isEqualTo("Application");
        assertThat(ProjectFiles.ROOT.resolve(source.path("path").asText())).isEqualTo(ProjectFiles.CHART);
        assertThat(application
                        .path("spec")
                        .path("destination")
                        .path("namespace")
                        .asText())
                .isEqualTo(OperatorChart.NAMESPACE);
        Manifests chart =
                OperatorChart.render(YAML.writeValueAsString(source.path("helm").path("valuesObject")));
        assertThat(chart.single(CustomResourceDefinition.class).getMetadata().getAnnotations())
                .containsEntry("argocd.argoproj.io/sync-options", "Prune=false,Delete=false");
        assertThat(chart.single(Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .anySatisfy(env -> assertThat(env.getName()).isEqualTo("ANTHROPIC_API_KEY_FILE"));
    }

    @Test
    void theSkillsApplicationSyncsTheKustomizeExampleIntoItsNamespace() throws IOException {
        JsonNode application = YAML.readTree(ProjectFiles.read(EXAMPLES.resolve("skills-application.yaml")));
        Path path = ProjectFiles.ROOT.resolve(
                application.path("spec").path("source").path("path").asText());
        JsonNode kustomization = YAML.readTree(ProjectFiles.read(path.resolve("kustomization.yaml")));

        assertThat(path).isEqualTo(ProjectFiles.KUSTOMIZE_EXAMPLE);
        assertThat(application
                        .path("spec")
                        .path("destination")
                        .path("namespace")
                        .asText())
                .isEqualTo(kustomization.path("namespace").asText());
    }
}
