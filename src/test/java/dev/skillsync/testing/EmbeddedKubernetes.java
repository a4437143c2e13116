package dev.skillsync.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Kubernetes API server in this process: the fabric8 mock server in CRUD mode, with server-side apply handled, and
 * the Skill CRD installed from {@code crds/}.
 */
public final class EmbeddedKubernetes implements AutoCloseable {

    public static final Path CRD_FILE = Path.of("crds", "skills.skillsync.dev-v1.yml");

    private final KubernetesMockServer server;
    private final EmbeddedApiDispatcher dispatcher;
    private final KubernetesClient client;

    private EmbeddedKubernetes(KubernetesMockServer server, EmbeddedApiDispatcher dispatcher) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.client = server.createClient();
    }

    public static EmbeddedKubernetes start() {
        var dispatcher = new EmbeddedApiDispatcher();
        var server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        try {
            server.init(InetAddress.getLoopbackAddress(), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded Kubernetes API", e);
        }
        var kubernetes = new EmbeddedKubernetes(server, dispatcher);
        kubernetes.installCrd(CRD_FILE);
        return kubernetes;
    }

    /** The API server URL, for a kubeconfig or {@code quarkus.kubernetes-client.api-server-url}. */
    public String url() {
        return client.getConfiguration().getMasterUrl();
    }

    public KubernetesClient client() {
        return client;
    }

    public void installCrd(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in,
                    CustomResourceDefinition.class);
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CRD " + file.toAbsolutePath()
                    + "; run the build once (mvn package) to generate it", e);
        }
    }

    /** See {@link EmbeddedApiDispatcher#holdWhenReceived}. */
    public CallHold holdWhenReceived(String description, Predicate<HttpCall> call) {
        return dispatcher.holdWhenReceived(description, call);
    }

    /** Disarms every hold and drops every call still held. */
    public void dropHolds() {
        dispatcher.dropHolds();
    }

    /** Creates every object in a YAML file (several documents allowed). */
    public List<HasMetadata> apply(Path yamlFile) {
        try (InputStream in = Files.newInputStream(yamlFile)) {
            return client.load(in).items().stream()
                    .<HasMetadata>map(item -> client.resource(item).createOr(NonDeletingOperation::update))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + yamlFile, e);
        }
    }

    @Override
    public void close() {
        dispatcher.dropHolds();
        client.close();
        server.destroy();
    }
}
