package dev.skillsync.crd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRD users apply is the committed copy under crds/; the build generates it from the Java model during package,
 * so this runs as an integration test, after it. They must not drift: after a model change, copy
 * target/kubernetes/skills.skillsync.dev-v1.yml to crds/.
 */
class CrdDriftIT {

    static final Path GENERATED = Path.of("target", "kubernetes", "skills.skillsync.dev-v1.yml");
    static final Path COMMITTED = Path.of("crds", "skills.skillsync.dev-v1.yml");

    @Test
    void theCommittedCrdIsWhatTheBuildGenerates() throws IOException {
        assertThat(GENERATED).as("generated CRD (the Quarkus build writes it)").exists();
        assertThat(Files.readString(COMMITTED))
                .as("crds/ differs from the generated CRD: cp %s %s", GENERATED, COMMITTED)
                .isEqualTo(Files.readString(GENERATED));
    }
}
