package dev.skillsync.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    /**
     * Produced outside Java, byte by byte:
     * <pre>
     * printf -- 'pdf-tools/SKILL.md\0%s\0---\nname: pdf-tools\ndescription: Reads PDFs\n---\n'\
     *   'pdf-tools/empty.txt\0000\0pdf-tools/scripts/\xc3\xa9.py\0009\0print(1)\n' 48 | sha256sum
     * </pre>
     */
    static final String KNOWN_HASH = "sha256:26236dc0668b3890cde6c1fb397e4b738e4e223a872f325e3f91233c5c614815";

    static final String SKILL_MD = "---\nname: pdf-tools\ndescription: Reads PDFs\n---\n";

    @Test
    void matchesTheHashComputedByHandOutsideJava() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("pdf-tools/scripts/é.py", utf8("print(1)\n"));
        files.put("pdf-tools/SKILL.md", utf8(SKILL_MD));
        files.put("pdf-tools/empty.txt", new byte[0]);

        assertThat(ContentHash.of(files)).isEqualTo(KNOWN_HASH);
    }

    @Test
    void isWrittenAsSha256WithLowercaseHex() {
        assertThat(ContentHash.of(new TreeMap<>(Map.of("a/SKILL.md", utf8("x")))))
                .matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void doesNotDependOnInsertionOrder() {
        Map<String, byte[]> forward = new LinkedHashMap<>();
        forward.put("s/a.txt", utf8("a"));
        forward.put("s/b/c.txt", utf8("c"));
        forward.put("s/SKILL.md", utf8("skill"));
        Map<String, byte[]> backward = new LinkedHashMap<>();
        backward.put("s/SKILL.md", utf8("skill"));
        backward.put("s/b/c.txt", utf8("c"));
        backward.put("s/a.txt", utf8("a"));

        assertThat(ContentHash.of(SkillFiles.of(forward).asMap()))
                .isEqualTo(ContentHash.of(SkillFiles.of(backward).asMap()))
                .isEqualTo(ContentHash.of(new TreeMap<>(backward)));
    }

    @Test
    void sortsByUtf8BytesNotByUtf16Units() {
        // U+1F600 is D83D DE00 in UTF-16 and F0 9F 98 80 in UTF-8; U+FF21 is FF21 and EF BC A1.
        // String order puts the emoji first, UTF-8 byte order puts U+FF21 first.
        String emoji = "s/\uD83D\uDE00.txt";
        String fullwidthA = "s/\uFF21.txt";
        assertThat(emoji.compareTo(fullwidthA)).isNegative();
        SortedMap<String, byte[]> stringOrder = new TreeMap<>();
        stringOrder.put(emoji, utf8("smile"));
        stringOrder.put(fullwidthA, utf8("A"));

        assertThat(ContentHash.of(stringOrder)).isEqualTo(independentHash(stringOrder));
        assertThat(SkillFiles.of(stringOrder).asMap().keySet()).containsExactly(fullwidthA, emoji);
    }

    @Test
    void changesWhenAPathOrAByteChanges() {
        String original = ContentHash.of(new TreeMap<>(Map.of("s/SKILL.md", utf8("abc"))));

        assertThat(ContentHash.of(new TreeMap<>(Map.of("s/SKILL.md", utf8("abd")))))
                .isNotEqualTo(original);
        assertThat(ContentHash.of(new TreeMap<>(Map.of("t/SKILL.md", utf8("abc")))))
                .isNotEqualTo(original);
    }

    @Test
    void separatesPathFromContent() {
        // Without the length field these two sets would feed the same bytes to SHA-256.
        String one = ContentHash.of(new TreeMap<>(Map.of("s/a", utf8("bc"))));
        String other = ContentHash.of(new TreeMap<>(Map.of("s/ab", utf8("c"))));

        assertThat(one).isNotEqualTo(other);
    }

    /** The contract written out plainly: sort by UTF-8 bytes, then path, 0, length, 0, content. */
    private static String independentHash(Map<String, byte[]> files) {
        try {
            List<String> paths = new ArrayList<>(files.keySet());
            paths.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String path : paths) {
                sha256.update(utf8(path));
                sha256.update(new byte[] {0});
                sha256.update(utf8(String.valueOf(files.get(path).length)));
                sha256.update(new byte[] {0});
                sha256.update(files.get(path));
            }
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
