package dev.skillsync.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.testing.TestPki;
import dev.skillsync.testing.TestTier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag(TestTier.EXTERNAL_TOOLS_TAG)
class RegistryConnectionTest {

    @Test
    void aCaPemIsReadIntoTheTrustedCertificates(@TempDir Path directory) {
        TestPki pki = TestPki.create(directory);

        RegistryConnection connection = RegistryConnection.of(false, pki.caPem());

        assertThat(connection.caCertificates())
                .singleElement()
                .satisfies(
                        ca -> assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=skillsync test CA"));
    }

    @Test
    void withoutACaTheDefaultTrustIsUsed() {
        assertThat(RegistryConnection.of(false, null).caCertificates()).isEmpty();
    }

    @Test
    void aCaCrtThatIsNotAPemCertificateIsRefused() {
        assertThatThrownBy(() -> RegistryConnection.of(false, "not a certificate".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ca.crt");
    }
}
