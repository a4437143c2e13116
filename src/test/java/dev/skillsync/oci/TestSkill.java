package dev.skillsync.oci;

import dev.skillsync.testing.SkillFixtures;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;

/** The skill the registry tests push and expect back, and the client settings they use. */
final class TestSkill {

    static final SortedMap<String, byte[]> FILES = SkillFixtures.asBytes(Map.of(
            "SKILL.md",
                    "---\nname: pdf-tools\ndescription: Extract text and tables from PDF files.\n---\n# PDF tools\n",
            "scripts/extract.py", "import sys\nprint(open(sys.argv[1], 'rb').read()[:4])\n",
            "reference/forms.md", "# Forms\nFill in forms with the script.\n"));

    static final OciClientSettings SETTINGS = settings(1024 * 1024, 1024 * 1024);

    private TestSkill() {}

    static OciClientSettings settings(long maxArtifactSize, long maxUnpackedSize) {
        return new OciClientSettings(maxArtifactSize, maxUnpackedSize, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }
}
