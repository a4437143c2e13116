package dev.skillsync.deploy;

import static dev.skillsync.deploy.OperatorChart.NAMESPACE;
import static dev.skillsync.deploy.OperatorChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartDeploymentTest {

    @Test
    void defaultsRunOneHardenedPodWithTheDefaultSettings() {
        Manifests chart = OperatorChart.render();

        Deployment deployment = chart.single(Deployment.class);
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName())
                .isEqualTo(chart.single(ServiceAccount.class).getMetadata().getName());
        Container operator = onlyContainer(pod);
        assertThat(operator.getImage()).isEqualTo("skillsync/skillsync-operator:0.1.0");
        assertThat(operator.getEnv())
                .containsExactly(
                        env("ANTHROPIC_BASE_URL", "https://api.anthropic.com"),
                        env("QUARKUS_LOG_LEVEL", "INFO"),
                        env("SKILLSYNC_CONTENT_MAX_UPLOAD_SIZE", "30M"),
                        env("SKILLSYNC_API_MAX_CONCURRENT_REQUESTS", "8"),
                        env("SKILLSYNC_LEADER_ELECTION_ENABLED", "false"));
        assertThat(chart.all(Service.class)).isEmpty();
    }

    @Test
    void thePodMeetsTheRestrictedPodSecurityStandard() {
        PodSpec pod = OperatorChart.render()
                .single(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        Container operator = onlyContainer(pod);
        assertThat(operator.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(operator.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(operator.getSecurityContext().getCapabilities())
                .isEqualTo(new Capabilities(List.of(), List.of("ALL")));
        assertThat(operator.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(operator.getVolumeMounts())
                .containsExactly(new VolumeMount("/tmp", null, "tmp", null, null, null, null));
        assertThat(pod.getVolumes()).singleElement().satisfies(volume -> {
            assertThat(volume.getName()).isEqualTo("tmp");
            assertThat(volume.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("256Mi"));
        });
        assertThat(operator.getResources().getRequests())
                .containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("256Mi"));
        assertThat(operator.getResources().getLimits())
                .containsEntry("cpu", new Quantity("1"))
                .containsEntry("memory", new Quantity("512Mi"));
    }

    @Test
    void probesUseTheQuarkusHealthEndpointsOnTheHttpPort() {
        Container operator = onlyContainer(OperatorChart.render()
                .single(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec());

        assertThat(operator.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        assertThat(operator.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(List.of(operator.getStartupProbe(), operator.getLivenessProbe(), operator.getReadinessProbe()))
                .allSatisfy(probe ->
                        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http"));
    }

    @Test
    void moreThanOneReplicaTurnsLeaderElectionOnWithALeaseInTheReleaseNamespace() {
        Deployment deployment = OperatorChart.render("replicaCount: 2").single(Deployment.class);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy()).isNull();
        List<EnvVar> env =
                onlyContainer(deployment.getSpec().getTemplate().getSpec()).getEnv();
        assertThat(env)
                .contains(
                        env("SKILLSYNC_LEADER_ELECTION_ENABLED", "true"),
                        env("SKILLSYNC_LEADER_ELECTION_LEASE_NAME", RELEASE + "-leader"),
                        new EnvVarBuilder()
                                .withName("SKILLSYNC_LEADER_ELECTION_LEASE_NAMESPACE")
                                .withNewValueFrom()
                                .withNewFieldRef()
                                .withFieldPath("metadata.namespace")
                                .endFieldRef()
                                .endValueFrom()
                                .build());
    }

    @Test
    void leaderElectionCanBeTurnedOnForASingleReplica() {
        Deployment deployment =
                OperatorChart.render("leaderElection: {enabled: true}").single(Deployment.class);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy()).isNull();
        assertThat(onlyContainer(deployment.getSpec().getTemplate().getSpec()).getEnv())
                .contains(env("SKILLSYNC_LEADER_ELECTION_ENABLED", "true"));
    }

    @Test
    void valuesReachThePod() {
        Deployment deployment = OperatorChart.render("""
                image:
                  repository: registry.example.com/platform/skillsync
                  tag: "1.2.3"
                  pullPolicy: Always
                imagePullSecrets: [{name: regcred}]
                skillsApi:
                  baseUrl: http://skills-api.example.svc:8080
                  maxConcurrentRequests: 3
                apiKey:
                  existingSecret: anthropic-api-key
                  secretKey: token
                content:
                  maxUploadSize: 10M
                watchNamespaces: [team-a, team-b]
                logLevel: DEBUG
                extraEnv:
                  - name: JAVA_TOOL_OPTIONS
                    value: -XX:MaxRAMPercentage=75
                nodeSelector: {kubernetes.io/os: linux}
                tolerations: [{key: dedicated, operator: Equal, value: operators, effect: NoSchedule}]
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]}]
                podAnnotations: {example.com/team: platform}
                podLabels: {example.com/cost-centre: "42"}
                priorityClassName: system-cluster-critical
                """).single(Deployment.class);

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container operator = onlyContainer(pod);
        assertThat(operator.getImage()).isEqualTo("registry.example.com/platform/skillsync:1.2.3");
        assertThat(operator.getImagePullPolicy()).isEqualTo("Always");
        assertThat(pod.getImagePullSecrets())
                .singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("regcred"));
        assertThat(operator.getEnv())
                .containsExactly(
                        env("ANTHROPIC_BASE_URL", "http://skills-api.example.svc:8080"),
                        env("ANTHROPIC_API_KEY_FILE", "/var/run/secrets/skillsync/api-key/token"),
                        env("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b"),
                        env("QUARKUS_LOG_LEVEL", "DEBUG"),
                        env("SKILLSYNC_CONTENT_MAX_UPLOAD_SIZE", "10M"),
                        env("SKILLSYNC_API_MAX_CONCURRENT_REQUESTS", "3"),
                        env("SKILLSYNC_LEADER_ELECTION_ENABLED", "false"),
                        env("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75"));
        assertThat(pod.getNodeSelector()).isEqualTo(Map.of("kubernetes.io/os", "linux"));
        assertThat(pod.getTolerations())
                .containsExactly(new Toleration("NoSchedule", "dedicated", "Equal", null, "operators"));
        assertThat(pod.getAffinity()
                        .getNodeAffinity()
                        .getRequiredDuringSchedulingIgnoredDuringExecution()
                        .getNodeSelectorTerms())
                .hasSize(1);
        assertThat(pod.getPriorityClassName()).isEqualTo("system-cluster-critical");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .isEqualTo(Map.of("example.com/team", "platform"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("example.com/cost-centre", "42")
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theDefaultKeyIsAMountedFileSoThatARotatedSecretIsUsedWithoutARestart() {
        Deployment deployment = OperatorChart.render("apiKey: {existingSecret: anthropic-api-key, secretKey: token}")
                .single(Deployment.class);

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container operator = onlyContainer(pod);
        assertThat(operator.getEnv())
                .contains(env("ANTHROPIC_API_KEY_FILE", "/var/run/secrets/skillsync/api-key/token"))
                .noneSatisfy(env -> assertThat(env.getName()).isEqualTo("ANTHROPIC_API_KEY"));
        // A subPath mount would not follow the Secret when it changes.
        assertThat(operator.getVolumeMounts())
                .filteredOn(mount -> mount.getName().equals("api-key"))
                .singleElement()
                .satisfies(mount -> {
                    assertThat(mount.getMountPath()).isEqualTo("/var/run/secrets/skillsync/api-key");
                    assertThat(mount.getReadOnly()).isTrue();
                    assertThat(mount.getSubPath()).isNull();
                });
        assertThat(pod.getVolumes())
                .filteredOn(volume -> volume.getName().equals("api-key"))
                .singleElement()
                .satisfies(volume -> {
                    assertThat(volume.getSecret().getSecretName()).isEqualTo("anthropic-api-key");
                    assertThat(volume.getSecret().getItems()).singleElement().satisfies(item -> {
                        assertThat(item.getKey()).isEqualTo("token");
                        assertThat(item.getPath()).isEqualTo("token");
                    });
                });
    }

    @Test
    void withoutADefaultKeyNoKeyIsMounted() {
        PodSpec pod = OperatorChart.render()
                .single(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec();

        assertThat(onlyContainer(pod).getEnv())
                .noneSatisfy(env -> assertThat(env.getName()).startsWith("ANTHROPIC_API_KEY"));
        assertThat(pod.getVolumes()).extracting(volume -> volume.getName()).containsExactly("tmp");
    }

    @Test
    void metricsServiceAndServiceMonitorScrapeQuarkusMetrics() {
        Manifests chart = OperatorChart.render("""
                metrics:
                  serviceMonitor:
                    enabled: true
                    labels: {release: prometheus}
                """);

        Service service = chart.single(Service.class);
        Deployment deployment = chart.single(Deployment.class);
        assertThat(service.getSpec().getSelector())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
        GenericKubernetesResource monitor = chart.all(GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("ServiceMonitor"))
                .findFirst()
                .orElseThrow();
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        Map<String, String> monitored = monitor.get("spec", "selector", "matchLabels");
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitored);
        assertThat(monitored).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(monitor.<List<Map<String, Object>>>get("spec", "endpoints"))
                .singleElement()
                .satisfies(endpoint ->
                        assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/q/metrics"));
    }

    @Test
    void theMetricsServiceCanBeEnabledAlone() {
        Manifests chart = OperatorChart.render("metrics: {service: {enabled: true}}");

        assertThat(chart.single(Service.class).getMetadata().getName()).isEqualTo(RELEASE + "-metrics");
        assertThat(chart.all(GenericKubernetesResource.class)).isEmpty();
    }

    @Test
    void anExistingServiceAccountCanBeUsed() {
        Manifests chart = OperatorChart.render("serviceAccount: {create: false, name: platform-operators}");

        assertThat(chart.all(ServiceAccount.class)).isEmpty();
        assertThat(chart.single(Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getServiceAccountName())
                .isEqualTo("platform-operators");
    }

    @Test
    void theSchemaRejectsValuesWithATypo() {
        assertThatThrownBy(() -> OperatorChart.render("logLevel: LOUD")).hasMessageContaining("logLevel");
        assertThatThrownBy(() -> OperatorChart.render("watchNamespace: [team-a]"))
                .hasMessageContaining("watchNamespace");
        assertThatThrownBy(() -> OperatorChart.render("skillsApi: {baseUrl: api.anthropic.com}"))
                .hasMessageContaining("baseUrl");
    }

    @Test
    void aMissingServiceAccountNameIsExplained() {
        assertThatThrownBy(() -> OperatorChart.render("serviceAccount: {create: false}"))
                .hasMessageContaining("serviceAccount.name is required when serviceAccount.create is false");
    }

    private static Container onlyContainer(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        assertThat(pod.getInitContainers()).isEmpty();
        return pod.getContainers().get(0);
    }

    private static EnvVar env(String name, String value) {
        return new EnvVar(name, value, null);
    }
}
