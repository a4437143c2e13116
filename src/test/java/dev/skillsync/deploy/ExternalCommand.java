package dev.skillsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A command-line tool that a test runs, such as lua5.1 or kubectl; the test fails clearly when it is missing. */
record ExternalCommand(String executable, String installHint) {

    private static final long TIMEOUT_SECONDS = 60;

    static final ExternalCommand LUA51 = new ExternalCommand("lua5.1", "apt-get install -y lua5.1");
    static final ExternalCommand KUBECTL = new ExternalCommand("kubectl",
            "install kubectl (its built-in kustomize builds the manifests)");

    /** Runs the tool with the arguments and returns what it printed; fails on a non-zero exit with its stderr. */
    String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(arguments));
        Process process = start(command);
        try {
            // Read both streams while the tool runs, so that a full pipe never blocks it.
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process, false));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + err.get());
            }
            return out.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError(executable + " is not installed, so this test cannot run. Fix: " + installHint, e);
        }
    }

    private static String readAll(Process process, boolean stderr) {
        try {
            return new String((stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
