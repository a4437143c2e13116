package dev.skillsync.deploy;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.local.OperatorProcess;
import dev.skillsync.oci.RegistryServer;
import dev.skillsync.oci.TestLayer;
import dev.skillsync.resource.DeletionPolicy;
import dev.skillsync.resource.LocalObjectReference;
import dev.skillsync.resource.OciRef;
import dev.skillsync.resource.OciSource;
import dev.skillsync.resource.Retention;
import dev.skillsync.resource.SecretKeySelector;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillSource;
import dev.skillsync.testing.RealApiServerTest;
import dev.skillsync.testing.RealKubernetes;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged operator, as a child process, with a ServiceAccount token bound to exactly the RBAC that
 * {@code helm template} renders, does its whole job on a real API server (which enforces RBAC, unlike the embedded
 * one) without one Forbidden: ConfigMap and OCI sources with a pull Secret, an update, a prune, a per-Skill key,
 * Events, leader election, Delete and Orphan. Cluster-wide, and namespace-scoped, where it leaves other namespaces
 * alone. Each mode gets an API server of its own, so that one mode's grants never help the other.
 */
@RealApiServerTest
class OperatorRbacRealApiServerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String USER = "skills-reader";
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String REPOSITORY = "skills/rbac";
    private static final Set<Class<? extends HasMetadata>> RBAC_AND_CRD = Set.of(
            ServiceAccount.class,
            ClusterRole.class,
            ClusterRoleBinding.class,
            Role.class,
            RoleBinding.class,
            CustomResourceDefinition.class);

    @TempDir
    static Path directory;

    private static FakeSkillsApi api;
    private static RegistryServer registry;

    @BeforeAll
    static void start() throws IOException {
        assertThat(OperatorProcess.isBuilt())
                .as("the packaged operator (mvn package)")
                .isTrue();
        api = FakeSkillsApi.start();
        registry =
                RegistryServer.tlsWithBasicAuth(Files.createDirectory(directory.resolve("registry")), USER, PASSWORD);
        registry.pusher()
                .pushArtifact(
                        REPOSITORY,
                        "1.0.0",
                        List.of(TestLayer.orasFile(
                                "SKILL.md",
                                dev.skillsync.testing.SkillFixtures.skillMd("from-oci", "From OCI.")
                                        .getBytes(StandardCharsets.UTF_8))));
    }

    @AfterAll
    static void stop() {
        // Null when start was skipped for a missing program.
        if (registry != null) {
            registry.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void clusterWideTheOperatorDoesItsWholeJobWithTheChartsRbac() throws Exception {
        try (RealKubernetes cluster = RealKubernetes.start(Files.createDirectory(directory.resolve("cluster-wide")))) {
            Path log = directory.resolve("operator-cluster-wide.log");
            try (OperatorProcess operator =
                    startOperator(cluster, "leaderElection: {enabled: true}\n", List.of(), log)) {
                wholeLifecycle(cluster, "anywhere");
                assertLeaderElected(cluster);
            }
            assertNoForbidden(log);
        }
    }

    @Test
    void namespaceScopedTheOperatorDoesItsWholeJobAndLeavesOtherNamespacesAlone() throws Exception {
        try (RealKubernetes cluster = RealKubernetes.start(Files.createDirectory(directory.resolve("namespaced")))) {
            Path log = directory.resolve("operator-namespaced.log");
            String values = """
                    watchNamespaces: [team-a, team-b]
                    leaderElection: {enabled: true}
                    """;
            try (OperatorProcess operator = startOperator(cluster, values, List.of("team-a", "team-b"), log)) {
                cluster.ensureNamespace("elsewhere");
                KubernetesClient admin = cluster.admin();
                admin.resource(configMap("elsewhere", "files", true, files("outside", "Outside.", "pass\n")))
                        .create();
                admin.resource(newSkill("elsewhere", "outside", "files")).create();

                wholeLifecycle(cluster, "team-a");
                Skill synced = syncConfigMapSkill(admin, "team-b", "second");

                Skill outside = admin.resources(Skill.class)
                        .inNamespace("elsewhere")
                        .withName("outside")
                        .get();
                assertThat(outside.getStatus()).isNull();
                assertThat(outside.getMetadata().getFinalizers()).isEmpty();
                assertThat(api.skills()).noneMatch(s -> s.displayTitle().startsWith("elsewhere/"));
                assertThat(synced.getStatus().getSkillId()).isNotBlank();
                assertLeaderElected(cluster);
            }
            assertNoForbidden(log);
        }
    }

    /** Renders the chart, applies its CRD, ServiceAccount and RBAC, and runs the operator as its Deployment would. */
    private OperatorProcess startOperator(RealKubernetes cluster, String values, List<String> watched, Path log)
            throws IOException {
        Manifests chart = OperatorChart.render(values + """
                skillsApi: {baseUrl: "%s"}
                apiKey: {existingSecret: anthropic-api-key}
                """.formatted(api.baseUrl()));
        KubernetesClient admin = cluster.admin();
        cluster.ensureNamespace(OperatorChart.NAMESPACE);
        watched.forEach(cluster::ensureNamespace);
        for (HasMetadata object : chart.objects()) {
            if (RBAC_AND_CRD.contains(object.getClass())) {
                admin.resource(object).fieldManager("helm").forceConflicts().serverSideApply();
            }
        }
        CustomResourceDefinition crd = chart.single(CustomResourceDefinition.class);
        admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(crd.getMetadata().getName())
                .waitUntilCondition(RealKubernetes::established, 30, TimeUnit.SECONDS);
        String serviceAccount = chart.single(ServiceAccount.class).getMetadata().getName();
        String token = cluster.serviceAccountToken(OperatorChart.NAMESPACE, serviceAccount);

        Map<String, String> environment = new HashMap<>();
        for (EnvVar variable : chart.single(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()) {
            environment.put(variable.getName(), valueOf(variable));
        }
        environment.put("QUARKUS_KUBERNETES_CLIENT_TOKEN", token);
        return OperatorProcess.start(cluster.url(), environment, 0, log);
    }

    /**
     * An env var's value as the kubelet would resolve it here: the release namespace, the fake's key, and the key
     * file the chart mounts from the key's Secret, written where this test keeps its files.
     */
    private static String valueOf(EnvVar variable) throws IOException {
        if ("ANTHROPIC_API_KEY_FILE".equals(variable.getName())) {
            Path keyFile = directory.resolve("mounted-api-key");
            Files.writeString(keyFile, FakeSkillsApi.DEFAULT_KEY);
            return keyFile.toString();
        }
        if (variable.getValue() != null) {
            return variable.getValue();
        }
        if (variable.getValueFrom().getFieldRef() != null) {
            assertThat(variable.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
            return OperatorChart.NAMESPACE;
        }
        assertThat(variable.getName()).isEqualTo("ANTHROPIC_API_KEY");
        return FakeSkillsApi.DEFAULT_KEY;
    }

    private void wholeLifecycle(RealKubernetes cluster, String ns) {
        KubernetesClient admin = cluster.admin();
        cluster.ensureNamespace(ns);

        // ConfigMap source, keeping one version: an update creates a version and prunes the old one.
        admin.resource(configMap(ns, "files", true, files("pruned", "Pruned.", "v = 1\n")))
                .create();
        Skill pruned = newSkill(ns, "pruned", "files");
        pruned.getSpec().setRetention(new Retention(1));
        admin.resource(pruned).create();
        String prunedId = awaitSynced(admin, ns, "pruned").getStatus().getSkillId();
        String firstVersion = api.versions(prunedId).get(0).version();
        admin.configMaps().inNamespace(ns).withName("files").edit(cm -> {
            cm.getData().put("run.py", "v = 2\n");
            return cm;
        });
        await().atMost(TIMEOUT)
                .until(() -> api.versions(prunedId).size() == 1
                        && !api.versions(prunedId).get(0).version().equals(firstVersion));
        await().atMost(TIMEOUT)
                .until(() -> hasEvent(admin, ns, "pruned", "VersionCreated")
                        && hasEvent(admin, ns, "pruned", "VersionsPruned")
                        && hasEvent(admin, ns, "pruned", "SkillCreated"));

        // Its own key, from a Secret in the Skill's namespace.
        String key = "sk-ant-team-key-" + ns;
        api.acceptKey(key);
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("team-key")
                        .withNamespace(ns)
                        .endMetadata()
                        .addToStringData("api-key", key)
                        .build())
                .create();
        admin.resource(configMap(ns, "keyed-files", true, files("keyed", "Keyed.", "pass\n")))
                .create();
        Skill keyed = newSkill(ns, "keyed", "keyed-files");
        keyed.getSpec().setApiKeySecretRef(new SecretKeySelector("team-key", "api-key"));
        admin.resource(keyed).create();
        awaitSynced(admin, ns, "keyed");

        // OCI source over TLS with a private CA and a pull Secret.
        admin.resource(dockerConfig(ns)).create();
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("registry-ca")
                        .withNamespace(ns)
                        .endMetadata()
                        .addToData("ca.crt", Base64.getEncoder().encodeToString(registry.caCertificatePem()))
                        .build())
                .create();
        OciSource oci = new OciSource();
        oci.setUrl(registry.url(REPOSITORY));
        oci.setRef(new OciRef("1.0.0", null));
        oci.setSecretRef(new LocalObjectReference("registry-credentials"));
        oci.setCertSecretRef(new LocalObjectReference("registry-ca"));
        SkillSource source = new SkillSource();
        source.setOci(oci);
        admin.resource(newSkill(ns, "from-oci", source)).create();
        awaitSynced(admin, ns, "from-oci");

        // Orphan keeps the remote skill; Delete removes it.
        Skill kept = newSkill(ns, "kept", "keyed-files");
        kept.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
        admin.resource(kept).create();
        String keptId = awaitSynced(admin, ns, "kept").getStatus().getSkillId();
        admin.resources(Skill.class).inNamespace(ns).withName("kept").delete();
        admin.resources(Skill.class).inNamespace(ns).withName("pruned").delete();
        await().atMost(TIMEOUT)
                .until(() -> admin.resources(Skill.class)
                                        .inNamespace(ns)
                                        .withName("kept")
                                        .get()
                                == null
                        && admin.resources(Skill.class)
                                        .inNamespace(ns)
                                        .withName("pruned")
                                        .get()
                                == null);
        assertThat(api.skill(keptId)).isPresent();
        assertThat(api.skill(prunedId)).isEmpty();
    }

    private Skill syncConfigMapSkill(KubernetesClient admin, String ns, String name) {
        admin.resource(configMap(ns, name + "-files", true, files(name, "Synced.", "pass\n")))
                .create();
        admin.resource(newSkill(ns, name, name + "-files")).create();
        return awaitSynced(admin, ns, name);
    }

    private static void assertLeaderElected(RealKubernetes cluster) {
        List<Lease> leases = cluster.admin()
                .leases()
                .inNamespace(OperatorChart.NAMESPACE)
                .list()
                .getItems();
        assertThat(leases).singleElement().satisfies(lease -> {
            assertThat(lease.getMetadata().getName()).isEqualTo(OperatorChart.RELEASE + "-leader");
            assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
        });
    }

    private static void assertNoForbidden(Path log) throws IOException {
        String output = Files.readString(log);
        // A refused call shows as "Forbidden" (the API server's reason) and "code=403" (fabric8's status), never as a
        // bare 403, which log timestamps' milliseconds may hold.
        assertThat(output)
                .as("operator log " + log)
                .isNotBlank()
                .doesNotContainIgnoringCase("forbidden")
                .doesNotContain("code=403");
    }

    private static Secret dockerConfig(String ns) {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String config = "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}";
        return new SecretBuilder()
                .withNewMetadata()
                .withName("registry-credentials")
                .withNamespace(ns)
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .addToData(
                        ".dockerconfigjson",
                        Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static Skill awaitSynced(KubernetesClient admin, String ns, String name) {
        await("Skill " + ns + "/" + name + " Ready=True Synced").atMost(TIMEOUT).until(() -> {
            Skill skill =
                    admin.resources(Skill.class).inNamespace(ns).withName(name).get();
            return skill != null
                    && skill.getStatus() != null
                    && skill.getStatus()
                            .condition("Ready")
                            .filter(c -> "True".equals(c.getStatus()) && "Synced".equals(c.getReason()))
                            .isPresent();
        });
        return admin.resources(Skill.class).inNamespace(ns).withName(name).get();
    }

    private static boolean hasEvent(KubernetesClient admin, String ns, String skill, String reason) {
        return admin.v1().events().inNamespace(ns).list().getItems().stream()
                .anyMatch(e -> skill.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()));
    }
}
