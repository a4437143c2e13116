package dev.skillsync.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OciReferenceTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void aUrlWithPortAndNestedPathKeepsHostAndRepository() {
        OciReference reference =
                OciReference.parse("oci://Registry.Example.com:5000/team-a/skills/pdf-tools", "1.2.0", null);

        assertThat(reference)
                .isEqualTo(new OciReference("registry.example.com:5000", "team-a/skills/pdf-tools", "1.2.0", null));
        assertThat(reference.reference()).isEqualTo("1.2.0");
        assertThat(reference).hasToString("registry.example.com:5000/team-a/skills/pdf-tools:1.2.0");
    }

    @Test
    void withoutTagOrDigestTheTagIsLatest() {
        assertThat(OciReference.parse("oci://ghcr.io/acme/skill", null, null).tag())
                .isEqualTo("latest");
        assertThat(OciReference.parse("oci://ghcr.io/acme/skill", "", " ").tag())
                .isEqualTo("latest");
    }

    @Test
    void aDigestPinsTheReference() {
        OciReference reference = OciReference.parse("oci://ghcr.io/acme/skill", null, DIGEST);

        assertThat(reference.tag()).isNull();
        assertThat(reference.reference()).isEqualTo(DIGEST);
        assertThat(reference).hasToString("ghcr.io/acme/skill@" + DIGEST);
    }

    @ParameterizedTest
    @CsvSource({
        "oci://docker.io/alpine, registry-1.docker.io, library/alpine",
        "oci://index.docker.io/acme/skill, registry-1.docker.io, acme/skill",
        "oci://registry-1.docker.io/library/alpine, registry-1.docker.io, library/alpine",
        "oci://localhost:5000/alpine, localhost:5000, alpine"
    })
    void dockerHubNamesAreRewrittenToItsApiHostAndOfficialNamespace(String url, String registry, String repository) {
        OciReference reference = OciReference.parse(url, null, null);

        assertThat(reference.registry()).isEqualTo(registry);
        assertThat(reference.repository()).isEqualTo(repository);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "https://ghcr.io/acme/skill | url must have the form oci://host[:port]/repository/path",
                "oci://ghcr.io | has no repository path",
                "oci://ghcr.io/ | has no repository path",
                "oci://ghcr.io/acme/skill:1.0 | contains a tag: put it in ref.tag",
                "oci://ghcr.io/acme/skill@sha256:00 | contains a digest: put it in ref.digest",
                "oci://ghcr.io/Acme/Skill | 'Acme/Skill' is not a valid repository path",
                "oci://ghcr.io/acme//skill | 'acme//skill' is not a valid repository path",
                "oci://ghcr.io/acme/../skill | 'acme/../skill' is not a valid repository path",
                "oci://ghcr.io:port/acme | 'ghcr.io:port' is not a registry host[:port]"
            })
    void badUrlsAreRefusedSayingWhatToFix(String url, String message) {
        assertThatThrownBy(() -> OciReference.parse(url, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> OciReference.parse("oci://user:s3cr3t@ghcr.io/acme/skill", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain credentials")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void badTagsAndDigestsAreRefused() {
        assertThatThrownBy(() -> OciReference.parse("oci://ghcr.io/acme/skill", "-bad", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-bad' is not a valid tag");
        assertThatThrownBy(() -> OciReference.parse("oci://ghcr.io/acme/skill", null, "sha256:XYZ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sha256:XYZ' is not a valid digest");
        assertThatThrownBy(() -> OciReference.parse("oci://ghcr.io/acme/skill", "1.0", DIGEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("either a tag or a digest, not both");
    }
}
