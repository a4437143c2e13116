package dev.skillsync.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool that a test runs, such as openssl, docker-registry or kubectl. When it is missing the test is
 * skipped, naming what to install ({@link MissingProgram}); under
 * {@code -Dskillsync-tests.require-external-tools=true} it fails instead. {@code .ci/run} installs them all.
 *
 * @param executable a name looked up on the PATH, or an absolute path
 */
public record ExternalCommand(String executable, String installHint) {

    private static final long TIMEOUT_SECONDS = 60;

    public static final ExternalCommand LUA51 = new ExternalCommand("lua5.1", "apt-get install -y lua5.1");
    public static final ExternalCommand KUBECTL =
            new ExternalCommand("kubectl", "install kubectl (its built-in kustomize builds the manifests)");
    public static final ExternalCommand OPENSSL = new ExternalCommand("openssl", "apt-get install -y openssl");
    public static final ExternalCommand HTPASSWD = new ExternalCommand("htpasswd", "apt-get install -y apache2-utils");
    public static final ExternalCommand DOCKER_REGISTRY =
            new ExternalCommand("docker-registry", "apt-get install -y docker-registry");

    /** Whether the tool is there: an executable file at its path, or under that name in a PATH directory. */
    public boolean isInstalled() {
        if (executable.contains(File.separator)) {
            return Files.isExecutable(Path.of(executable));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(d -> !d.isEmpty())
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, executable)));
    }

    /** Skips the running test (or fails it, when external tools are required) unless the tool is installed. */
    public void assumeInstalled() {
        if (!isInstalled()) {
            MissingProgram.of(this).skipOrFail();
        }
    }

    /** Runs the tool with the arguments and returns what it printed; fails on a non-zero exit with its stderr. */
    public String run(String... arguments) {
        return run(command(arguments));
    }

    /** As {@link #run}, in a working directory. */
    public String runIn(Path directory, String... arguments) {
        return run(command(arguments).directory(directory.toFile()));
    }

    /** The tool with the arguments, for a caller that starts it itself, such as a server that keeps running. */
    public ProcessBuilder command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    public Process start(ProcessBuilder command) {
        assumeInstalled();
        try {
            return command.start();
        } catch (IOException e) {
            throw new AssertionError(executable + " is not installed, so this test cannot run. Fix: " + installHint, e);
        }
    }

    private String run(ProcessBuilder command) {
        String commandLine = String.join(" ", command.command());
        Process process = start(command);
        try {
            // Read both streams while the tool runs, so that a full pipe never blocks it.
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process, false));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(commandLine + " did not finish within " + TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(commandLine + " exited with " + process.exitValue() + ": " + err.get());
            }
            return out.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String readAll(Process process, boolean stderr) {
        try {
            return new String(
                    (stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
