package dev.skillsync.content;

import static dev.skillsync.content.ContentHashTest.KNOWN_HASH;
import static dev.skillsync.content.ContentHashTest.SKILL_MD;
import static dev.skillsync.content.ContentHashTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillValidatorTest {

    private static final long LIMIT = 1024;
    private final SkillValidator validator = new SkillValidator(LIMIT);

    @Test
    void buildsTheUploadUnderTheSkillNameWithTheContractHash() throws Exception {
        SkillBundle bundle = validator.validate(SkillFiles.of(Map.of(
                "SKILL.md", utf8(SKILL_MD),
                "scripts/é.py", utf8("print(1)\n"),
                "empty.txt", new byte[0])));

        assertThat(bundle.manifest()).isEqualTo(new SkillManifest("pdf-tools", "Reads PDFs"));
        assertThat(bundle.uploadFiles())
                .containsOnlyKeys("pdf-tools/SKILL.md", "pdf-tools/scripts/é.py", "pdf-tools/empty.txt");
        assertThat(bundle.uploadFiles().keySet())
                .containsExactly("pdf-tools/SKILL.md", "pdf-tools/empty.txt", "pdf-tools/scripts/é.py");
        assertThat(bundle.uploadFiles()).contains(entry("pdf-tools/scripts/é.py", utf8("print(1)\n")));
        assertThat(bundle.contentHash()).isEqualTo(KNOWN_HASH).isEqualTo(ContentHash.of(bundle.uploadFiles()));
        assertThat(bundle.totalSize()).isEqualTo(SKILL_MD.length() + 9);
    }

    @Test
    void bundleCannotBeChangedThroughWhatItHandsOut() throws Exception {
        SkillBundle bundle = validator.validate(SkillFiles.of(Map.of("SKILL.md", utf8(SKILL_MD))));

        bundle.uploadFiles().get("pdf-tools/SKILL.md")[0] = 'X';

        assertThat(bundle.uploadFiles().get("pdf-tools/SKILL.md")).isEqualTo(utf8(SKILL_MD));
        assertThat(bundle).isEqualTo(validator.validate(SkillFiles.of(Map.of("SKILL.md", utf8(SKILL_MD)))));
        assertThat(bundle.toString())
                .contains("pdf-tools", bundle.contentHash())
                .doesNotContain("[B@");
    }

    @Test
    void acceptsAnotherSkillMdBelowTheRootBesideTheRootOne() throws Exception {
        SkillBundle bundle = validator.validate(
                SkillFiles.of(Map.of("SKILL.md", utf8(SKILL_MD), "examples/SKILL.md", utf8("an example"))));

        assertThat(bundle.uploadFiles()).containsKeys("pdf-tools/SKILL.md", "pdf-tools/examples/SKILL.md");
    }

    @Test
    void rejectsAnEmptySet() {
        assertThatThrownBy(() -> validator.validate(SkillFiles.of(Map.of())))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("the skill has no files; it needs at least a SKILL.md at its root");
    }

    @Test
    void rejectsASetWithoutSkillMd() {
        assertThatThrownBy(() -> validator.validate(SkillFiles.of(Map.of("README.md", utf8("hi")))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("the skill has no SKILL.md at its root; add one with front matter holding name and "
                        + "description");
    }

    @Test
    void saysThatANestedSkillMdMustBeAtTheRoot() {
        assertThatThrownBy(() -> validator.validate(SkillFiles.of(Map.of("pdf-tools/SKILL.md", utf8(SKILL_MD)))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("SKILL.md must be at the root of the skill, but it is at 'pdf-tools/SKILL.md'");
    }

    @Test
    void pointsOutAMisspeltSkillMd() {
        assertThatThrownBy(() -> validator.validate(SkillFiles.of(Map.of("skill.md", utf8(SKILL_MD)))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("the skill has 'skill.md' but needs SKILL.md, spelt exactly so; rename it");
    }

    @Test
    void rejectsUnsafePathsNamingEachFile() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("SKILL.md", utf8(SKILL_MD));
        files.put("../outside.txt", utf8("x"));
        files.put("/abs.txt", utf8("x"));
        files.put("ok/file.txt", utf8("x"));

        assertThatThrownBy(() -> validator.validate(SkillFiles.of(files)))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("2 problems: ")
                .hasMessageContaining("path '../outside.txt' contains a '..' segment")
                .hasMessageContaining("path '/abs.txt' is absolute")
                .hasMessageNotContaining("ok/file.txt");
    }

    @Test
    void rejectsAFileThatIsAlsoADirectory() {
        assertThatThrownBy(() -> validator.validate(SkillFiles.of(
                        Map.of("SKILL.md", utf8(SKILL_MD), "scripts", utf8("x"), "scripts/run.py", utf8("y")))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("path 'scripts/run.py' puts a file inside 'scripts', which is a file itself; "
                        + "rename one of them");
    }

    @Test
    void reportsFrontMatterProblemsTogetherWithOthers() {
        assertThatThrownBy(() -> validator.validate(
                        SkillFiles.of(Map.of("SKILL.md", FrontMatterTest.skillMd("Bad Name", "d"), "a//b", utf8("x")))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("path 'a//b' has an empty segment")
                .hasMessageContaining("name 'Bad Name' may contain only lowercase letters, digits and hyphens");
    }

    @Test
    void acceptsFilesExactlyAtTheSizeLimit() throws Exception {
        byte[] skillMd = utf8(SKILL_MD);
        SkillFiles files =
                SkillFiles.of(Map.of("SKILL.md", skillMd, "pad.bin", new byte[(int) LIMIT - skillMd.length]));

        assertThat(validator.validate(files).totalSize()).isEqualTo(LIMIT);
    }

    @Test
    void rejectsFilesOverTheSizeLimitNamingTheSetting() {
        long max = 3L * 1024 * 1024;
        byte[] skillMd = utf8(SKILL_MD);
        SkillFiles files =
                SkillFiles.of(Map.of("SKILL.md", skillMd, "big.bin", new byte[(int) max - skillMd.length + 1]));

        assertThatThrownBy(() -> new SkillValidator(max).validate(files))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("the skill's files total 3.0 MiB (3145729 bytes), over the limit of 3.0 MiB "
                        + "(3145728 bytes) set by skillsync.content.max-upload-size; make the files smaller or "
                        + "raise the setting");
    }

    @Test
    void listsAtMostTenProblems() {
        Map<String, byte[]> files = new HashMap<>(Map.of("SKILL.md", utf8(SKILL_MD)));
        for (int i = 0; i < 12; i++) {
            files.put("../f" + i, new byte[0]);
        }

        assertThatThrownBy(() -> validator.validate(SkillFiles.of(files)))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("12 problems: ")
                .hasMessageEndingWith("; and 2 more");
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> new SkillValidator(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skillsync.content.max-upload-size");
    }
}
