package dev.skillsync.content;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SkillPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SKILL.md",
                "scripts/extract.py",
                "a/b/c/d.txt",
                ".hidden",
                "dir/.config",
                "..data",
                "x..y",
                "with space.txt",
                "ünïcödé/文件.md",
                "\uD83D\uDE00.txt"
            })
    void acceptsRelativePathsInsideTheSkill(String path) {
        assertThatCode(() -> SkillPaths.checkRelative(path)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "../etc/passwd          | contains a '..' segment",
                "..                     | contains a '..' segment",
                "scripts/../../x        | contains a '..' segment",
                "scripts/..             | contains a '..' segment",
                "./SKILL.md             | contains a '.' segment",
                "a/./b                  | contains a '.' segment",
                "/etc/passwd            | is absolute",
                "/SKILL.md              | is absolute",
                "a//b                   | has an empty segment",
                "scripts/               | has an empty segment",
                "..\\..\\windows        | contains a backslash",
                "scripts\\run.py        | contains a backslash",
            })
    void rejectsPathsThatLeaveOrMisnameTheSkillDirectory(String path, String problem) {
        assertThatThrownBy(() -> SkillPaths.checkRelative(path))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("'" + path + "'")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\there", "del\u007F", "c1\u0085"})
    void rejectsControlCharactersAndShowsThemEscaped(String path) {
        assertThatThrownBy(() -> SkillPaths.checkRelative(path))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("control character U+")
                .hasMessageMatching("(?s)path '[^\\p{Cntrl}]*' .*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone\uD800high", "lone\uDC00low", "end\uD83D"})
    void rejectsTextWithoutAUtf8Form(String path) {
        assertThatThrownBy(() -> SkillPaths.checkRelative(path))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void rejectsAnEmptyPath() {
        assertThatThrownBy(() -> SkillPaths.checkRelative(""))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> SkillPaths.checkRelative(null))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("empty");
    }
}
