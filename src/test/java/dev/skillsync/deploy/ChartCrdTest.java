package dev.skillsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The chart ships the CRD the build generates, as an upgradable template that uninstall leaves in place. */
class ChartCrdTest {

    private static final String REGENERATE =
            "; copy crds/ into the chart with: mvn -B -q test -Dtest=DeployManifestsTest " + "-D"
                    + DeployManifestsTest.REGENERATE_PROPERTY + "=true";

    @Test
    void theChartCarriesAByteForByteCopyOfTheRepositorysCrd() throws IOException {
        assertThat(ProjectFiles.CRD)
                .as("the generated CRD, committed as crds/skills.skillsync.dev-v1.yml")
                .isRegularFile();
        assertThat(ProjectFiles.CHART_CRD)
                .as("the chart's copy of the CRD" + REGENERATE)
                .isRegularFile();
        assertThat(Files.mismatch(ProjectFiles.CRD, ProjectFiles.CHART_CRD))
                .as("helm/skillsync-operator/files/skills.skillsync.dev-v1.yml differs from crds/" + REGENERATE)
                .isEqualTo(-1L);
    }

    @Test
    void theRenderedCrdIsTheRepositorysCrdKeptOnUninstall() {
        CustomResourceDefinition expected =
                Manifests.SERIALIZATION.unmarshal(ProjectFiles.read(ProjectFiles.CRD), CustomResourceDefinition.class);

        CustomResourceDefinition rendered = OperatorChart.render().single(CustomResourceDefinition.class);

        assertThat(rendered.getMetadata().getName()).isEqualTo("skills.skillsync.dev");
        assertThat(rendered.getSpec()).isEqualTo(expected.getSpec());
        assertThat(rendered.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(rendered.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "skillsync");
    }

    @Test
    void extraCrdAnnotationsDoNotReplaceTheKeepPolicy() {
        CustomResourceDefinition rendered = OperatorChart.render("""
                crds:
                  install: true
                  annotations:
                    argocd.argoproj.io/sync-options: Prune=false,Delete=false
                    helm.sh/resource-policy: delete
                """).single(CustomResourceDefinition.class);

        assertThat(rendered.getMetadata().getAnnotations())
                .containsEntry("argocd.argoproj.io/sync-options", "Prune=false,Delete=false")
                .containsEntry("helm.sh/resource-policy", "keep");
    }

    @Test
    void crdsInstallFalseLeavesTheCrdOut() {
        Manifests chart = OperatorChart.render("crds: {install: false}");

        assertThat(chart.all(CustomResourceDefinition.class)).isEmpty();
        assertThat(chart.describe()).anyMatch(object -> object.startsWith("Deployment "));
    }
}
