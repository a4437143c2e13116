package dev.skillsync.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plain manifests in deploy/ for {@code kubectl apply -k deploy/}: the chart rendered with its default values into
 * namespace skillsync-system, without Helm's own labels and annotations, plus the Namespace itself.
 */
final class DeployManifests {

    static final String KUSTOMIZATION = "kustomization.yaml";
    static final String HEADER = """
            # Generated from helm/skillsync-operator with its default values. Do not edit: change the chart, then run
            #   mvn -B -q test -Dtest=DeployManifestsTest -D%s=true
            """.formatted(DeployManifestsTest.REGENERATE_PROPERTY);

    /** File name to the kinds it holds, in reading order (kustomize sorts what it applies by kind itself). */
    private static final Map<String, List<Class<? extends HasMetadata>>> FILES = files();

    private DeployManifests() {}

    /** File name to the objects it must hold. */
    static Map<String, List<HasMetadata>> fromChart() {
        Manifests chart = OperatorChart.render();
        List<HasMetadata> objects = new ArrayList<>(chart.objects());
        objects.add(0, namespace());
        objects.forEach(DeployManifests::dropHelmMetadata);
        Map<String, List<HasMetadata>> files = new LinkedHashMap<>();
        FILES.forEach((file, kinds) -> files.put(
                file,
                objects.stream()
                        .filter(o -> kinds.stream().anyMatch(kind -> kind.isInstance(o)))
                        .toList()));
        List<HasMetadata> unplaced = objects.stream()
                .filter(o -> FILES.values().stream().flatMap(List::stream).noneMatch(kind -> kind.isInstance(o)))
                .toList();
        if (!unplaced.isEmpty()) {
            throw new IllegalStateException("The chart renders objects that deploy/ has no file for: "
                    + unplaced.stream().map(HasMetadata::getKind).collect(Collectors.joining(", ")));
        }
        return files;
    }

    static String kustomization() {
        return HEADER + """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                """
                + FILES.keySet().stream().map(file -> "  - " + file + "\n").collect(Collectors.joining());
    }

    /** Copies the repository's CRD into the chart, then writes deploy/ from the chart. */
    static void write() {
        try {
            Files.createDirectories(ProjectFiles.CHART_CRD.getParent());
            Files.copy(ProjectFiles.CRD, ProjectFiles.CHART_CRD, StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(ProjectFiles.DEPLOY);
            for (Map.Entry<String, List<HasMetadata>> file : fromChart().entrySet()) {
                String yaml = file.getValue().stream()
                        .map(Manifests.SERIALIZATION::asYaml)
                        .collect(Collectors.joining());
                Files.writeString(ProjectFiles.DEPLOY.resolve(file.getKey()), HEADER + yaml);
            }
            Files.writeString(ProjectFiles.DEPLOY.resolve(KUSTOMIZATION), kustomization());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Namespace namespace() {
        // The operator's pod meets the restricted Pod Security Standard, so the namespace can enforce it.
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(OperatorChart.NAMESPACE)
                .addToLabels("app.kubernetes.io/part-of", "skillsync")
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .endMetadata()
                .build();
    }

    /** These describe a Helm release, which plain manifests are not. */
    private static void dropHelmMetadata(HasMetadata object) {
        if (object.getMetadata().getLabels() != null) {
            object.getMetadata().getLabels().remove("helm.sh/chart");
            object.getMetadata().getLabels().remove("app.kubernetes.io/managed-by");
        }
        if (object.getMetadata().getAnnotations() != null) {
            object.getMetadata().getAnnotations().remove("helm.sh/resource-policy");
            if (object.getMetadata().getAnnotations().isEmpty()) {
                object.getMetadata().setAnnotations(null);
            }
        }
    }

    private static Map<String, List<Class<? extends HasMetadata>>> files() {
        Map<String, List<Class<? extends HasMetadata>>> files = new LinkedHashMap<>();
        files.put("namespace.yaml", List.of(Namespace.class));
        files.put("crd.yaml", List.of(CustomResourceDefinition.class));
        files.put(
                "rbac.yaml",
                List.of(
                        ServiceAccount.class,
                        ClusterRole.class,
                        ClusterRoleBinding.class,
                        Role.class,
                        RoleBinding.class));
        files.put("deployment.yaml", List.of(Deployment.class));
        return files;
    }
}
