package dev.skillsync.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real Kubernetes API server for tests: etcd and kube-apiserver built from their Go modules by
 * {@code .ci/build-etcd} and {@code .ci/build-kube-apiserver}, both on free loopback ports with their data in a
 * temporary directory. Token authentication (a static token file: an admin in system:masters), RBAC, and a
 * service-account signing key made at start, so that ServiceAccount tokens from the TokenRequest API work.
 * The API server serves a certificate it makes itself; clients trust it as the operator's tests trust the mock.
 * <p>
 * One instance is shared by every test of a JVM ({@link #shared()}; per class loader, so Quarkus tests, which load
 * their own copy of this class, share another); it stops when the JVM exits.
 */
public final class RealKubernetes implements AutoCloseable {

    public static final String VERSION = "v1.37.2";
    public static final String ETCD_VERSION = "v3.7.0";
    public static final ExternalCommand KUBE_APISERVER = cached("kube-apiserver", VERSION, "build-kube-apiserver");
    /**
     * Built from modules too: Debian's etcd 3.4 lacks the watch progress requests without which kube-apiserver
     * v1.37 refuses watch streams (sendInitialEvents) with an InternalError.
     */
    public static final ExternalCommand ETCD = cached("etcd", ETCD_VERSION, "build-etcd");

    public static final List<ExternalCommand> PROGRAMS = List.of(ETCD, KUBE_APISERVER);

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final String ADMIN = "skillsync-admin";
    private static RealKubernetes shared;

    private final Path directory;
    private final int etcdPort;
    private final int apiPort;
    private final String adminToken;
    private final Process etcd;
    private Process apiServer;
    private final KubernetesClient admin;
    private final Duration startup;

    private RealKubernetes(Path directory) throws IOException {
        long started = System.nanoTime();
        this.directory = directory;
        this.etcdPort = LoopbackPort.free();
        this.apiPort = LoopbackPort.free();
        this.adminToken = randomToken();
        writeServiceAccountKeys();
        Files.writeString(
                directory.resolve("tokens.csv"), adminToken + "," + ADMIN + ",admin-uid,\"system:masters\"\n");
        this.etcd = startEtcd();
        try {
            this.apiServer = startApiServer(apiPort, "kube-apiserver.log");
            awaitReady(apiServer, apiPort);
            this.admin = clientWithToken(adminToken);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.startup = Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * The JVM's API server, started on first use with the Skill CRD from {@code crds/} applied; the calling test is
     * skipped (or fails, when external tools are required) if etcd or kube-apiserver is missing.
     */
    public static synchronized RealKubernetes shared() {
        if (shared == null) {
            PROGRAMS.forEach(ExternalCommand::assumeInstalled);
            try {
                shared = start(Files.createTempDirectory("skillsync-kubernetes"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared.applyServerSide(EmbeddedKubernetes.CRD_FILE);
            System.out.printf(
                    "Real API server (Kubernetes %s, etcd %s) at %s ready in %.1fs; data and logs in %s until exit%n",
                    VERSION, ETCD_VERSION, shared.url(), shared.startup().toMillis() / 1000.0, shared.directory);
            RealKubernetes stopping = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping.close();
                deleteTree(stopping.directory);
            }));
        }
        return shared;
    }

    /** A binary that a .ci script builds with Go into ~/.cache/skillsync; -Dskillsync-tests.NAME=PATH names another. */
    private static ExternalCommand cached(String name, String version, String script) {
        String directory = name + "-" + version;
        return new ExternalCommand(
                System.getProperty(
                        "skillsync-tests." + name,
                        Path.of(System.getProperty("user.home"), ".cache", "skillsync", directory, name)
                                .toString()),
                ".ci/" + script + " (builds it with Go 1.26 into ~/.cache/skillsync/" + directory
                        + "/; -Dskillsync-tests." + name + "=PATH names another binary)");
    }

    /** A new API server with its own etcd, in the given directory; the caller closes it. */
    public static RealKubernetes start(Path directory) throws IOException {
        return new RealKubernetes(directory);
    }

    public String url() {
        return "https://127.0.0.1:" + apiPort;
    }

    /** How long etcd and the API server took to answer /readyz. */
    public Duration startup() {
        return startup;
    }

    /** The etcd and kube-apiserver processes, for a benchmark that counts their CPU. */
    public List<ProcessHandle> processes() {
        return List.of(etcd.toHandle(), apiServer.toHandle());
    }

    /** The admin user's bearer token, for a client this class does not make, such as the operator's. */
    public String adminToken() {
        return adminToken;
    }

    /** A client of the admin user (group system:masters), which RBAC lets do anything. */
    public KubernetesClient admin() {
        return admin;
    }

    /** A client that authenticates with the given bearer token. */
    public KubernetesClient clientWithToken(String token) {
        return new KubernetesClientBuilder().withConfig(config(url(), token)).build();
    }

    /** The client configuration for an API server URL and a bearer token, trusting the server's own certificate. */
    public static Config config(String url, String token) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withOauthToken(token)
                .withTrustCerts(true)
                .withRequestTimeout(30_000)
                .build();
    }

    /** Creates the namespace if it is not there yet. */
    public void ensureNamespace(String namespace) {
        if (admin.namespaces().withName(namespace).get() == null) {
            admin.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    /** A token for the ServiceAccount (created with its namespace if missing) from the TokenRequest API. */
    public String serviceAccountToken(String namespace, String name) {
        ensureNamespace(namespace);
        if (admin.serviceAccounts().inNamespace(namespace).withName(name).get() == null) {
            admin.serviceAccounts()
                    .inNamespace(namespace)
                    .resource(new ServiceAccountBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .build())
                    .create();
        }
        return admin.serviceAccounts()
                .inNamespace(namespace)
                .withName(name)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(3600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
    }

    /** Applies the objects of a YAML file server-side, as {@code kubectl apply --server-side} does. */
    public void applyServerSide(Path yamlFile) {
        List<HasMetadata> objects;
        try (InputStream in = Files.newInputStream(yamlFile)) {
            objects = admin.load(in).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        objects.forEach(item -> admin.resource(item)
                .fieldManager("skillsync-tests")
                .forceConflicts()
                .serverSideApply());
        objects.stream()
                .filter(CustomResourceDefinition.class::isInstance)
                .forEach(crd -> admin.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(crd.getMetadata().getName())
                        .waitUntilCondition(RealKubernetes::established, 30, TimeUnit.SECONDS));
    }

    public static boolean established(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Stops the API server and starts it again on the same port, keeping etcd and so every object. */
    public synchronized void restartApiServer() {
        stop(apiServer);
        apiServer = startApiServer(apiPort, "kube-apiserver.log");
        awaitReady(apiServer, apiPort);
    }

    /**
     * Stops the API server, makes changes through a second API server on the same etcd while it is down (what
     * another client of a highly available control plane would do), then starts it again on the same port. Clients
     * of {@link #url()} see their connections drop and must list again to learn of the changes.
     */
    public synchronized void whileApiServerIsDown(Consumer<KubernetesClient> changes) {
        stop(apiServer);
        int sidePort = LoopbackPort.free();
        Process side = startApiServer(sidePort, "kube-apiserver-side.log");
        try {
            awaitReady(side, sidePort);
            try (KubernetesClient sideClient = new KubernetesClientBuilder()
                    .withConfig(config("https://127.0.0.1:" + sidePort, adminToken))
                    .build()) {
                changes.accept(sideClient);
            }
        } finally {
            stop(side);
            apiServer = startApiServer(apiPort, "kube-apiserver.log");
        }
        awaitReady(apiServer, apiPort);
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        stop(apiServer);
        stop(etcd);
    }

    private Process startEtcd() throws IOException {
        int peerPort = LoopbackPort.free();
        String client = "http://127.0.0.1:" + etcdPort;
        String peer = "http://127.0.0.1:" + peerPort;
        return ETCD.start(ETCD.command(
                        "--name",
                        "skillsync",
                        "--data-dir",
                        directory.resolve("etcd").toString(),
                        "--listen-client-urls",
                        client,
                        "--advertise-client-urls",
                        client,
                        "--listen-peer-urls",
                        peer,
                        "--initial-advertise-peer-urls",
                        peer,
                        "--initial-cluster",
                        "skillsync=" + peer,
                        "--log-level",
                        "warn")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("etcd.log").toFile()));
    }

    private Process startApiServer(int port, String log) {
        List<String> flags = new ArrayList<>(List.of(
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + port,
                "--cert-dir=" + directory.resolve("certs"),
                "--token-auth-file=" + directory.resolve("tokens.csv"),
                "--authorization-mode=RBAC",
                "--service-account-issuer=https://kubernetes.default.svc",
                "--service-account-key-file=" + directory.resolve("service-account.pub"),
                "--service-account-signing-key-file=" + directory.resolve("service-account.key"),
                "--api-audiences=https://kubernetes.default.svc",
                "--service-cluster-ip-range=10.96.0.0/24",
                // The kubernetes Service cannot point at a loopback address; nothing here needs it.
                "--endpoint-reconciler-type=none",
                "--allow-privileged=true",
                // No scheduler or nodes here: only what an operator talks to.
                "--disable-admission-plugins=ServiceAccount,Priority,DefaultStorageClass,PersistentVolumeClaimResize",
                "--v=1"));
        return KUBE_APISERVER.start(KUBE_APISERVER
                .command(flags.toArray(String[]::new))
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(directory.resolve(log).toFile())));
    }

    private void awaitReady(Process server, int port) {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(TrustingTls.context())
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest readyz = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/readyz"))
                .header("Authorization", "Bearer " + adminToken)
                .timeout(Duration.ofSeconds(5))
                .build();
        await("kube-apiserver /readyz on port " + port)
                .atMost(STARTUP_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!server.isAlive() || !etcd.isAlive()) {
                        throw new IllegalStateException("etcd or kube-apiserver exited; logs in " + directory + ":\n"
                                + tail(directory.resolve("etcd.log")) + tail(directory.resolve("kube-apiserver.log")));
                    }
                    try {
                        return http.send(readyz, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private void writeServiceAccountKeys() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Files.writeString(
                    directory.resolve("service-account.key"),
                    pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            Files.writeString(
                    directory.resolve("service-account.pub"),
                    pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
        } catch (IOException e) {
            return "(cannot read " + log + ")\n";
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory: what is left goes with the machine's /tmp.
        }
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
