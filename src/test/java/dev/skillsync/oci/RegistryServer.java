package dev.skillsync.oci;

import static org.awaitility.Awaitility.await;

import dev.skillsync.testing.ExternalCommand;
import dev.skillsync.testing.LoopbackPort;
import dev.skillsync.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A real distribution registry ({@code docker-registry serve}, Debian package docker-registry) on a free
 * 127.0.0.1 port with its storage in a directory of the test. Three set-ups: plain HTTP without authentication,
 * HTTPS with a test CA and htpasswd Basic authentication, and plain HTTP with token authentication.
 */
public final class RegistryServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path storage;
    private final Path log;
    private final int port;
    private final RegistryConnection connection;
    private final byte[] caPem;
    private final OkHttpClient http;
    private final Function<String, String> pushAuthorization;
    private final RegistryHttpClients httpClients;

    /**
     * @param caPem the PEM of the CA that signed the registry's certificate; null for plain HTTP
     */
    private RegistryServer(
            Path directory, String securityConfig, byte[] caPem, Function<String, String> pushAuthorization)
            throws IOException {
        this.port = LoopbackPort.free();
        this.caPem = caPem;
        this.connection = RegistryConnection.of(caPem == null, caPem);
        this.storage = directory.resolve("storage");
        this.pushAuthorization = pushAuthorization;
        this.httpClients = new RegistryHttpClients(Duration.ofSeconds(5), Duration.ofSeconds(30));
        this.http = httpClients.forConnection(connection);
        Path config = directory.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: error
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  maintenance:
                    uploadpurging:
                      enabled: false
                http:
                  addr: 127.0.0.1:%d
                  secret: skillsync-test
                %s""".formatted(storage, port, securityConfig));
        this.log = directory.resolve("registry.log");
        this.process = ExternalCommand.DOCKER_REGISTRY.start(ExternalCommand.DOCKER_REGISTRY
                .command("serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()));
        try {
            await("docker-registry answering on port " + port)
                    .atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(this::answers);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static RegistryServer plainHttp(Path directory) throws IOException {
        return new RegistryServer(directory, "", null, repository -> null);
    }

    public static RegistryServer tlsWithBasicAuth(Path directory, String username, String password) throws IOException {
        TestPki pki = TestPki.create(directory);
        String htpasswd = ExternalCommand.HTPASSWD.runIn(directory, "-Bbn", username, password);
        Files.writeString(directory.resolve("htpasswd"), htpasswd);
        String security = """
                  tls:
                    certificate: %s
                    key: %s
                auth:
                  htpasswd:
                    realm: skillsync-test
                    path: %s
                """.formatted(pki.serverCertificate(), pki.serverKey(), directory.resolve("htpasswd"));
        String basic = Credentials.basic(username, password, StandardCharsets.UTF_8);
        return new RegistryServer(directory, security, pki.caPem(), repository -> basic);
    }

    static RegistryServer withTokenAuth(Path directory, TokenServer tokens) throws IOException {
        String security =
                """
                auth:
                  token:
                    realm: %s
                    service: %s
                    issuer: %s
                    rootcertbundle: %s
                """.formatted(tokens.realm(), TokenServer.SERVICE, TokenServer.ISSUER, tokens.rootCertBundle());
        return new RegistryServer(
                directory, security, null, repository -> "Bearer " + tokens.mint(repository, List.of("pull", "push")));
    }

    /** The registry's host:port, as in oci:// URLs. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public String url(String repository) {
        return "oci://" + host() + "/" + repository;
    }

    RegistryConnection connection() {
        return connection;
    }

    /** The CA certificate (PEM) a client must trust, as a Skill's certSecretRef holds it; null for plain HTTP. */
    public byte[] caCertificatePem() {
        return caPem == null ? null : caPem.clone();
    }

    /**
     * The file in which the registry keeps the blob with this sha256 digest: a test that rewrites it makes the
     * registry serve content that no longer matches its digest, as a corrupted or tampered store would.
     */
    public Path blobFile(String digest) {
        String hex = digest.substring("sha256:".length());
        return storage.resolve(
                Path.of("docker", "registry", "v2", "blobs", "sha256", hex.substring(0, 2), hex, "data"));
    }

    public ArtifactPusher pusher() {
        return new ArtifactPusher(http, (connection.insecure() ? "http://" : "https://") + host(), pushAuthorization);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpClients.close();
    }

    private boolean answers() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "docker-registry exited with " + process.exitValue() + ": " + Files.readString(log));
        }
        Request ping = new Request.Builder()
                .url((connection.insecure() ? "http://" : "https://") + host() + "/v2/")
                .build();
        try (Response response = http.newCall(ping).execute()) {
            return response.code() == 200 || response.code() == 401;
        } catch (IOException e) {
            return false;
        }
    }
}
