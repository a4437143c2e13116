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
 * the Skill CRD installed from {@code crds/}. It can hold a request in flight ({@link RequestHolding}).
 */
public final class EmbeddedKubernetes implements RequestHolding, AutoCloseable {

    public static final Path CRD_FILE = Path.of("crds", "skills.skillsync.dev-v1.yml");

    private final EmbeddedApiDispatcher dispatcher;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    /** A second door to the same objects, opened on first use by {@link #bystander()}. */
    private KubernetesMockServer sideDoor;

    private KubernetesClient bystander;

    private EmbeddedKubernetes(EmbeddedApiDispatcher dispatcher, KubernetesMockServer server) {
        this.dispatcher = dispatcher;
        this.server = server;
        this.client = server.createClient();
    }

    public static EmbeddedKubernetes start() {
        var dispatcher = new EmbeddedApiDispatcher();
        var kubernetes = new EmbeddedKubernetes(dispatcher, serve(dispatcher));
        kubernetes.installCrd(CRD_FILE);
        return kubernetes;
    }

    private static KubernetesMockServer serve(EmbeddedApiDispatcher dispatcher) {
        var server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        try {
            server.init(InetAddress.getLoopbackAddress(), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded Kubernetes API", e);
        }
        return server;
    }

    @Override
    public CallHold hold(Predicate<HttpCall> which) {
        return dispatcher.holdWhenReceived("a request held for a race", which);
    }

    /**
     * A client through a second server over the same objects: the mock server answers its requests on one event-loop
     * thread, which a held request blocks, so a change made through {@link #client()} would wait behind it.
     */
    @Override
    public synchronized KubernetesClient bystander() {
        if (bystander == null) {
            sideDoor = serve(dispatcher);
            bystander = sideDoor.createClient();
        }
        return bystander;
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
            CustomResourceDefinition crd =
                    client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(crd)
                    .create();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read the CRD " + file.toAbsolutePath()
                            + "; run the build once (mvn package) to generate it",
                    e);
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
    public synchronized void close() {
        dispatcher.dropHolds();
        if (bystander != null) {
            bystander.close();
            sideDoor.destroy();
        }
        client.close();
        server.destroy();
    }
}
