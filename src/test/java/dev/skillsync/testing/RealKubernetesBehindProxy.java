package dev.skillsync.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * The real API server as the operator under test sees it: through a {@link HoldingProxy}, so that a test can hold one
 * of the operator's requests in flight ({@link RequestHolding}), while the test's own {@linkplain #bystander()
 * bystander} goes to the API server directly and never waits behind the held request.
 */
public final class RealKubernetesBehindProxy implements RequestHolding, AutoCloseable {

    private final RealKubernetes cluster;
    private final Path pkiDirectory;
    private final HoldingProxy proxy;

    private RealKubernetesBehindProxy(RealKubernetes cluster, Path pkiDirectory, HoldingProxy proxy) {
        this.cluster = cluster;
        this.pkiDirectory = pkiDirectory;
        this.proxy = proxy;
    }

    /** A proxy in front of the cluster, serving a certificate made for it with openssl; the caller closes it. */
    public static RealKubernetesBehindProxy start(RealKubernetes cluster) {
        try {
            Path directory = Files.createTempDirectory("skillsync-holding-proxy");
            TestPki pki = TestPki.create(directory);
            return new RealKubernetesBehindProxy(
                    cluster,
                    directory,
                    HoldingProxy.start(URI.create(cluster.url()), pki.serverCertificate(), pki.serverKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy's URL, for the operator's client. */
    public String url() {
        return proxy.url();
    }

    @Override
    public CallHold hold(Predicate<HttpCall> which) {
        return proxy.holdWhenReceived("a request held for a race", which);
    }

    @Override
    public KubernetesClient bystander() {
        return cluster.admin();
    }

    @Override
    public void close() {
        proxy.close();
        try (var paths = Files.walk(pkiDirectory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory: what is left goes with the machine's /tmp.
        }
    }
}
