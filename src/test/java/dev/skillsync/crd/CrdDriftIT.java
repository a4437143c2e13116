package dev.skillsync.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.resource.Skill;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CRD users apply is the committed copy under crds/: the one the build generates from the Java model (during
 * package, so this runs as an integration test, after it), with the printer columns in the order {@link Skill}
 * declares them, as kubectl shows them. The generator sorts them by JSON path instead. After a model change:
 * {@code mvn verify -Dskillsync.regenerate-crd=true}, then regenerate the chart's copy and deploy/ (see docs).
 */
class CrdDriftIT {

    static final Path GENERATED = Path.of("target", "kubernetes", "skills.skillsync.dev-v1.yml");
    static final Path COMMITTED = Path.of("crds", "skills.skillsync.dev-v1.yml");
    static final String REGENERATE_PROPERTY = "skillsync.regenerate-crd";
    static final String HEADER = "# Generated from dev.skillsync.resource.Skill by the build; printer columns in the"
            + " order the class declares them.\n# Regenerate with: mvn verify -Dskillsync.regenerate-crd=true\n";

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void theCommittedCrdIsWhatTheBuildGenerates() throws IOException {
        assertThat(GENERATED).as("generated CRD (the Quarkus build writes it)").exists();
        CustomResourceDefinition expected = withDeclaredColumnOrder(read(GENERATED));
        if (Boolean.getBoolean(REGENERATE_PROPERTY)) {
            Files.writeString(COMMITTED, HEADER + serialization.asYaml(expected));
        }
        assertThat(read(COMMITTED))
                .as("crds/ differs from the generated CRD: mvn verify -D%s=true", REGENERATE_PROPERTY)
                .isEqualTo(expected);
    }

    @Test
    void kubectlShowsTheColumnsOfTheContractInItsOrder() throws IOException {
        assertThat(read(COMMITTED).getSpec().getVersions().get(0).getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName)
                .containsExactly("Skill ID", "Version", "Ready", "Reason", "Age");
    }

    private CustomResourceDefinition read(Path file) throws IOException {
        return serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
    }

    private static CustomResourceDefinition withDeclaredColumnOrder(CustomResourceDefinition crd) {
        List<String> declared = Arrays.stream(Skill.class.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name)
                .toList();
        crd.getSpec()
                .getVersions()
                .forEach(version -> version.getAdditionalPrinterColumns()
                        .sort(Comparator.comparingInt(column -> declared.indexOf(column.getName()))));
        return crd;
    }
}
