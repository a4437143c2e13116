package dev.skillsync.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The operator's Helm chart, rendered and linted by the real Helm through helm-java. */
final class OperatorChart {

    static final String RELEASE = "skillsync-operator";
    static final String NAMESPACE = "skillsync-system";
    /** helm-java's own default is 1.20, older than the chart's kubeVersion allows. */
    static final String KUBE_VERSION = "v1.31.0";

    private OperatorChart() {}

    /** {@code helm template} with the chart's default values. */
    static Manifests render() {
        return render("{}");
    }

    /** {@code helm template} with the given values file content on top of the defaults. */
    static Manifests render(String valuesYaml) {
        return Manifests.parse(renderText(valuesYaml));
    }

    static String renderText(String valuesYaml) {
        Path values = writeTemporary(valuesYaml);
        try {
            return new Helm(ProjectFiles.CHART)
                    .template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withKubeVersion(KUBE_VERSION)
                    .withValuesFile(values)
                    .call();
        } finally {
            delete(values);
        }
    }

    /** The notes {@code helm install} prints, from a client-only dry run with the given values. */
    static String installNotes(String valuesYaml) {
        Path values = writeTemporary(valuesYaml);
        try {
            return new Helm(ProjectFiles.CHART)
                    .install()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withKubeVersion(KUBE_VERSION)
                    .withValuesFile(values)
                    .clientOnly()
                    .dryRun()
                    .call()
                    .getOutput();
        } finally {
            delete(values);
        }
    }

    static LintResult lintStrict() {
        return new Helm(ProjectFiles.CHART).lint().strict().call();
    }

    private static Path writeTemporary(String valuesYaml) {
        try {
            Path values = Files.createTempFile("skillsync-values", ".yaml");
            Files.writeString(values, valuesYaml);
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
