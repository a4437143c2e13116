package dev.skillsync.bench;

import dev.skillsync.testing.EmbeddedKubernetes;
import dev.skillsync.testing.RealKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * The Kubernetes API the benchmark runs the operator against: the embedded CRUD mock (in this JVM, so its CPU is the
 * harness's), or a real kube-apiserver with etcd (separate processes, whose CPU is added to the harness's).
 */
interface BenchCluster extends AutoCloseable {

    /** Which one {@code skillsync.bench.cluster} names. */
    enum Kind {
        EMBEDDED,
        REAL
    }

    static BenchCluster start(Kind kind) throws IOException {
        return switch (kind) {
            case EMBEDDED -> new Embedded(EmbeddedKubernetes.start());
            case REAL -> Real.start();
        };
    }

    String url();

    /** The harness's client: it makes the Skills and ConfigMaps and watches the Skills. */
    KubernetesClient client();

    /** Environment the operator needs to reach this cluster; secret values are never printed. */
    Map<String, String> operatorEnvironment();

    /** CPU used so far by cluster processes outside this JVM. */
    Duration outsideCpu();

    String describe();

    @Override
    void close();

    record Embedded(EmbeddedKubernetes kubernetes) implements BenchCluster {

        @Override
        public String url() {
            return kubernetes.url();
        }

        @Override
        public KubernetesClient client() {
            return kubernetes.client();
        }

        @Override
        public Map<String, String> operatorEnvironment() {
            return Map.of();
        }

        @Override
        public Duration outsideCpu() {
            return Duration.ZERO;
        }

        @Override
        public String describe() {
            return "embedded CRUD mock in the benchmark's JVM, at " + url();
        }

        @Override
        public void close() {
            kubernetes.close();
        }
    }

    record Real(RealKubernetes kubernetes) implements BenchCluster {

        static Real start() throws IOException {
            RealKubernetes.PROGRAMS.forEach(program -> {
                if (!program.isInstalled()) {
                    throw new IllegalArgumentException("-Dskillsync.bench.cluster=real needs " + program.executable()
                            + ": " + program.installHint());
                }
            });
            RealKubernetes kubernetes = RealKubernetes.start(Files.createTempDirectory("skillsync-bench-kubernetes"));
            kubernetes.applyServerSide(EmbeddedKubernetes.CRD_FILE);
            kubernetes.ensureNamespace(BenchSkills.NAMESPACE);
            return new Real(kubernetes);
        }

        @Override
        public String url() {
            return kubernetes.url();
        }

        @Override
        public KubernetesClient client() {
            return kubernetes.admin();
        }

        @Override
        public Map<String, String> operatorEnvironment() {
            return Map.of("QUARKUS_KUBERNETES_CLIENT_TOKEN", kubernetes.adminToken());
        }

        @Override
        public Duration outsideCpu() {
            return kubernetes.processes().stream()
                    .map(process -> OperatorCpu.of(process.pid()).orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
        }

        @Override
        public String describe() {
            return "kube-apiserver " + RealKubernetes.VERSION + " with etcd " + RealKubernetes.ETCD_VERSION + " at "
                    + url();
        }

        @Override
        public void close() {
            kubernetes.close();
        }
    }
}
