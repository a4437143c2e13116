package dev.skillsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The holding proxy in front of the real API server: a fabric8 client works through it (TLS both ways, watches
 * included), and a held write opens the window a race test needs: a foreign change lands first, and the held write,
 * released, meets the API server's optimistic-concurrency check.
 */
@RealApiServerTest
class HoldingProxyRealApiServerTest {

    @TempDir
    Path directory;

    @Test
    void aHeldUpdateLetsAForeignChangeLandFirstAndIsThenRefusedAsAConflict() throws Exception {
        RealKubernetes cluster = RealKubernetes.shared();
        String ns = "proxy-race";
        cluster.ensureNamespace(ns);
        KubernetesClient admin = cluster.admin();
        ConfigMap original = admin.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("raced")
                        .withNamespace(ns)
                        .endMetadata()
                        .addToData("owner", "nobody")
                        .build())
                .create();
        TestPki pki = TestPki.create(directory);

        try (HoldingProxy proxy =
                        HoldingProxy.start(URI.create(cluster.url()), pki.serverCertificate(), pki.serverKey());
                KubernetesClient throughProxy = new KubernetesClientBuilder()
                        .withConfig(RealKubernetes.config(proxy.url(), cluster.adminToken()))
                        .build()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            var watch = throughProxy
                    .configMaps()
                    .inNamespace(ns)
                    .withName("raced")
                    .watch(new Watcher<>() {
                        @Override
                        public void eventReceived(Action action, ConfigMap configMap) {
                            seen.add(action + " " + configMap.getData().get("owner"));
                        }

                        @Override
                        public void onClose(WatcherException cause) {}
                    });
            CallHold hold = proxy.holdWhenReceived(
                    "PUT of the raced ConfigMap",
                    HttpCall.matching("PUT", "/api/v1/namespaces/" + ns + "/configmaps/raced"));

            CompletableFuture<ConfigMap> ours = CompletableFuture.supplyAsync(() -> throughProxy
                    .resource(new ConfigMapBuilder(original)
                            .withData(Map.of("owner", "operator"))
                            .build())
                    .update());
            hold.awaitHeld(Duration.ofSeconds(30));
            admin.configMaps().inNamespace(ns).withName("raced").edit(cm -> {
                cm.getData().put("owner", "someone else");
                return cm;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("MODIFIED someone else"));
            assertThat(ours).isNotDone();

            hold.release();

            assertThat(ours)
                    .failsWithin(Duration.ofSeconds(30))
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOfSatisfying(
                            KubernetesClientException.class,
                            e -> assertThat(e.getCode()).isEqualTo(409));
            assertThat(admin.configMaps()
                            .inNamespace(ns)
                            .withName("raced")
                            .get()
                            .getData())
                    .containsEntry("owner", "someone else");
            watch.close();
        }
    }
}
