package dev.skillsync.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The JVM options the container image runs the operator with ({@code quarkus.jib.jvm-additional-arguments}), so that
 * the benchmark measures memory as the chart's pod would have it.
 */
final class ImageJvmOptions {

    static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    static final String PROPERTY = "quarkus.jib.jvm-additional-arguments";

    private ImageJvmOptions() {}

    /** The options as one line for {@code JAVA_TOOL_OPTIONS}; empty when the image sets none. */
    static Optional<String> read() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        return fromProperty(properties.getProperty(PROPERTY));
    }

    /** Jib takes a comma-separated list. */
    static Optional<String> fromProperty(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(option -> !option.isEmpty())
                .collect(Collectors.joining(" ")));
    }
}
