package dev.skillsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that the deployment tests check, found from Maven's base directory. */
final class ProjectFiles {

    static final Path ROOT = findRoot();
    static final Path CHART = ROOT.resolve("helm/skillsync-operator");
    static final Path CRD = ROOT.resolve("crds/skills.skillsync.dev-v1.yml");
    static final Path CHART_CRD = CHART.resolve("files/skills.skillsync.dev-v1.yml");
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path HEALTH_SCRIPT = DEPLOY.resolve("argocd/skill-health.lua");
    static final Path ARGOCD_CM_SNIPPET = ROOT.resolve("docs/argocd-cm-snippet.yaml");
    static final Path ARGOCD_HEALTH_DOC = ROOT.resolve("docs/argocd-health.md");
    static final Path KUSTOMIZE_EXAMPLE = ROOT.resolve("examples/kustomize");

    private ProjectFiles() {}

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT.relativize(file), e);
        }
    }

    private static Path findRoot() {
        // Surefire runs tests in the module's base directory.
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("helm"))) {
            throw new IllegalStateException("Run the deployment tests from the repository root (found " + root + ")");
        }
        return root;
    }
}
