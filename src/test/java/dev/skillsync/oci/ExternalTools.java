package dev.skillsync.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Debian programs the registry tests run; a missing one fails the test with the package to install. */
final class ExternalTools {

    static final Path DOCKER_REGISTRY = Path.of("/usr/bin/docker-registry");
    static final Path OPENSSL = Path.of("/usr/bin/openssl");
    static final Path HTPASSWD = Path.of("/usr/bin/htpasswd");

    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private ExternalTools() {
    }

    static Path require(Path program, String debianPackage) {
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException(program + " is missing: the OCI registry tests need the Debian package "
                    + debianPackage + " (apt-get install -y " + debianPackage + ")");
        }
        return program;
    }

    /** Runs a command to completion in the directory; returns its standard output. */
    static String run(Path directory, List<String> command) {
        try {
            Path errors = Files.createTempFile(directory, "stderr", ".txt");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(errors.toFile()).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(errors));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
