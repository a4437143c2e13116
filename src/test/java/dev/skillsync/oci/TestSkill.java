package dev.skillsync.oci;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The skill the registry tests push and expect back, and the client settings they use. */
final class TestSkill {

    static final SortedMap<String, byte[]> FILES = files(Map.of(
            "SKILL.md", "---\nname: pdf-tools\ndescription: Extract text and tables from PDF files.\n---\n# PDF tools\n",
            "scripts/extract.py", "import sys\nprint(open(sys.argv[1], 'rb').read()[:4])\n",
            "reference/forms.md", "# Forms\nFill in forms with the script.\n"));

    static final OciClientSettings SETTINGS = settings(1024 * 1024, 1024 * 1024);

    private TestSkill() {
    }

    static SortedMap<String, byte[]> files(Map<String, String> contents) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        contents.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    /** The same files, each under the directory. */
    static SortedMap<String, byte[]> under(String directory, SortedMap<String, byte[]> files) {
        SortedMap<String, byte[]> nested = new TreeMap<>();
        files.forEach((path, content) -> nested.put(directory + "/" + path, content));
        return nested;
    }

    static OciClientSettings settings(long maxArtifactSize, long maxUnpackedSize) {
        return new OciClientSettings(maxArtifactSize, maxUnpackedSize, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** Byte arrays compare by identity: tests compare the files as text. */
    static Map<String, String> asText(SortedMap<String, byte[]> files) {
        SortedMap<String, String> text = new TreeMap<>();
        files.forEach((path, content) -> text.put(path, new String(content, StandardCharsets.UTF_8)));
        return text;
    }
}
