package dev.skillsync.content;

import static dev.skillsync.content.ContentHashTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class SkillFilesTest {

    @Test
    void keepsItsOwnCopyOfTheInput() {
        byte[] content = utf8("original");
        Map<String, byte[]> input = new HashMap<>(Map.of("SKILL.md", content));
        SkillFiles files = SkillFiles.of(input);

        content[0] = 'X';
        input.put("other.txt", utf8("added later"));

        assertThat(files.size()).isEqualTo(1);
        assertThat(files.asMap().get("SKILL.md")).isEqualTo(utf8("original"));
    }

    @Test
    void handsOutCopiesThatCannotChangeIt() {
        SkillFiles files = SkillFiles.of(Map.of("SKILL.md", utf8("original")));

        SortedMap<String, byte[]> handedOut = files.asMap();
        handedOut.get("SKILL.md")[0] = 'X';
        handedOut.remove("SKILL.md");

        assertThat(files.asMap().get("SKILL.md")).isEqualTo(utf8("original"));
    }

    @Test
    void reportsCountAndTotalSize() {
        SkillFiles files =
                SkillFiles.of(Map.of("SKILL.md", new byte[10], "a/b.txt", new byte[5], "empty", new byte[0]));

        assertThat(files.size()).isEqualTo(3);
        assertThat(files.totalSize()).isEqualTo(15);
        assertThat(files.isEmpty()).isFalse();
        assertThat(SkillFiles.of(Map.of()).isEmpty()).isTrue();
    }

    @Test
    void sortsPathsInUtf8ByteOrder() {
        SkillFiles files = SkillFiles.of(Map.of(
                "z.txt",
                new byte[0],
                "\uD83D\uDE00.txt",
                new byte[0],
                "\uFF21.txt",
                new byte[0],
                "A.txt",
                new byte[0]));

        assertThat(files.asMap().keySet()).containsExactly("A.txt", "z.txt", "\uFF21.txt", "\uD83D\uDE00.txt");
    }

    @Test
    void equalsComparesContentNotArrayIdentity() {
        SkillFiles one = SkillFiles.of(Map.of("SKILL.md", utf8("same")));

        assertThat(SkillFiles.of(Map.of("SKILL.md", utf8("same"))))
                .isEqualTo(one)
                .hasSameHashCodeAs(one);
        assertThat(SkillFiles.of(Map.of("SKILL.md", utf8("other")))).isNotEqualTo(one);
        assertThat(SkillFiles.of(Map.of("skill.md", utf8("same")))).isNotEqualTo(one);
    }
}
