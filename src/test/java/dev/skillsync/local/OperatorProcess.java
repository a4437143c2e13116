package dev.skillsync.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged operator ({@code target/quarkus-app/quarkus-run.jar}) run as a child process against a given Kubernetes
 * API and Skills API, its output going to a log file. Stopped by {@link #close()}, and when this JVM exits.
 */
public final class OperatorProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final Process process;

    private OperatorProcess(Process process) {
        this.process = process;
    }

    public static boolean isBuilt() {
        return Files.exists(JAR);
    }

    /**
     * Starts the operator with the JVM running this one.
     *
     * @param apiKey   the default Skills API key; it travels in the environment, never on a command line that
     *                 {@code ps} shows
     * @param httpPort the port of {@code /q/health} and {@code /q/metrics}; 0 picks a free one
     */
    public static OperatorProcess start(
            String kubernetesUrl, String skillsApiUrl, String apiKey, int httpPort, Path log) throws IOException {
        return start(kubernetesUrl, skillsApiUrl, apiKey, httpPort, log, Map.of());
    }

    /**
     * As {@link #start(String, String, String, int, Path)}, with more of the operator's settings as environment
     * variables, e.g. {@code QUARKUS_OPERATOR_SDK_NAMESPACES} or {@code SKILLSYNC_API_DIALECT}.
     */
    public static OperatorProcess start(
            String kubernetesUrl,
            String skillsApiUrl,
            String apiKey,
            int httpPort,
            Path log,
            Map<String, String> settings)
            throws IOException {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("ANTHROPIC_BASE_URL", skillsApiUrl);
        environment.put("ANTHROPIC_API_KEY", apiKey);
        return start(kubernetesUrl, environment, httpPort, log);
    }

    /**
     * Starts the operator with the JVM running this one and the given environment on top of this one's, as a
     * Deployment's container env would set it (a bearer token for the API server goes in
     * {@code QUARKUS_KUBERNETES_CLIENT_TOKEN}: the environment is never on a command line that {@code ps} shows).
     */
    public static OperatorProcess start(String kubernetesUrl, Map<String, String> environment, int httpPort, Path log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                java,
                "-Dquarkus.kubernetes-client.api-server-url=" + kubernetesUrl,
                "-Dquarkus.kubernetes-client.trust-certs=true",
                "-Dquarkus.http.port=" + httpPort,
                "-jar",
                JAR.toString());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        // Ctrl-C and System.exit skip close(): the child must not outlive this JVM either way.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new OperatorProcess(process);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended; only meaningful when {@link #isAlive()} is false. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Blocks until the operator ends by itself and returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Ends the operator at once with SIGKILL, as the OOM killer or a lost node would: no shutdown hook runs and nothing
     * in flight completes. Returns once the process is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "operator (pid " + process.pid() + ") still running " + STOP_TIMEOUT_SECONDS + "s after SIGKILL");
        }
    }

    /** Asks the operator to stop and waits a bounded time for it; calling it again does nothing more. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
