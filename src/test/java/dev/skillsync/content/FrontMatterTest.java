package dev.skillsync.content;

import static dev.skillsync.content.ContentHashTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrontMatterTest {

    @Test
    void readsNameAndDescription() throws Exception {
        SkillManifest manifest = FrontMatter.parse(utf8("""
                ---
                name: pdf-tools
                description: Extracts text and tables from PDF files. Use when the user mentions PDFs.
                license: Apache-2.0
                ---
                # PDF tools

                Body text --- with dashes.
                ---
                """));

        assertThat(manifest)
                .isEqualTo(new SkillManifest(
                        "pdf-tools", "Extracts text and tables from PDF files. Use when the user mentions PDFs."));
    }

    @Test
    void acceptsByteOrderMarkAndWindowsLineEndings() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = utf8("---\r\nname: pdf-tools\r\ndescription: >\r\n  Reads PDFs\r\n---\r\nBody\r\n");
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(text, 0, withBom, bom.length, text.length);

        assertThat(FrontMatter.parse(withBom)).isEqualTo(new SkillManifest("pdf-tools", "Reads PDFs\n"));
    }

    @Test
    void acceptsQuotedValuesAndAnEmptyBody() throws Exception {
        assertThat(FrontMatter.parse(utf8("---\nname: \"x-1\"\ndescription: 'It: works'\n---")))
                .isEqualTo(new SkillManifest("x-1", "It: works"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "pdf-tools", "0-9", "abcdefghijklmnopqrstuvwxyz-0123456789"})
    void acceptsNamesOfLowercaseLettersDigitsAndHyphens(String name) throws Exception {
        assertThat(FrontMatter.parse(skillMd(name, "Does things")).name()).isEqualTo(name);
    }

    @Test
    void acceptsANameOfExactly64Characters() throws Exception {
        String name = "a".repeat(64);

        assertThat(FrontMatter.parse(skillMd(name, "Does things")).name()).isEqualTo(name);
    }

    @Test
    void rejectsANameLongerThan64Characters() {
        assertThatThrownBy(() -> FrontMatter.parse(skillMd("a".repeat(65), "Does things")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("SKILL.md front matter: name")
                .hasMessageContaining("is 65 characters long; at most 64 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"My Skill", "PDF-tools", "pdf_tools", "pdf.tools", "pdf tools", "ünï"})
    void rejectsNamesWithOtherCharacters(String name) {
        assertThatThrownBy(() -> FrontMatter.parse(skillMd("'" + name + "'", "Does things")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("SKILL.md front matter: name '" + name
                        + "' may contain only lowercase letters, digits and hyphens");
    }

    @ParameterizedTest
    @CsvSource({"claude-helper, claude", "my-anthropic-tools, anthropic", "xclaudex, claude"})
    void rejectsNamesWithReservedWords(String name, String word) {
        assertThatThrownBy(() -> FrontMatter.parse(skillMd(name, "Does things")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage(
                        "SKILL.md front matter: name '" + name + "' must not contain the reserved word '" + word + "'");
    }

    @Test
    void rejectsXmlTagsInTheName() {
        assertThatThrownBy(() -> FrontMatter.parse(skillMd("'<b>tools</b>'", "Does things")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("name '<b>tools</b>' must not contain XML tags such as '<b>'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Use <b>bold</b> text", "Ends here </instructions>", "<?xml version='1.0'?> data", "a <br/> b"})
    void rejectsXmlTagsInTheDescription(String description) {
        assertThatThrownBy(() -> FrontMatter.parse(skillMd("tools", "\"" + description + "\"")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("SKILL.md front matter: description must not contain XML tags such as '<");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Compares a < b and c > d", "Use -> arrows", "1 <2 > 0"})
    void acceptsAngleBracketsThatAreNoTags(String description) throws Exception {
        assertThat(FrontMatter.parse(skillMd("tools", "\"" + description + "\""))
                        .description())
                .isEqualTo(description);
    }

    @Test
    void acceptsADescriptionOfExactly1024Characters() throws Exception {
        String description = "d".repeat(1024);

        assertThat(FrontMatter.parse(skillMd("tools", description)).description())
                .isEqualTo(description);
    }

    @Test
    void countsCharactersNotUtf16UnitsInTheDescription() throws Exception {
        String description = "\uD83D\uDE00".repeat(1024);

        assertThat(FrontMatter.parse(skillMd("tools", description)).description())
                .isEqualTo(description);
    }

    @Test
    void rejectsADescriptionLongerThan1024Characters() {
        assertThatThrownBy(() -> FrontMatter.parse(skillMd("tools", "d".repeat(1025))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("SKILL.md front matter: description is 1025 characters long; at most 1024 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"''", "'   '"})
    void rejectsAnEmptyDescription(String description) {
        assertThatThrownBy(() -> FrontMatter.parse(skillMd("tools", description)))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("SKILL.md front matter: description is empty");
    }

    @Test
    void rejectsMissingFieldsAndNamesBoth() {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\nlicense: MIT\n---\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("SKILL.md front matter has no name; add a line such as 'name: pdf-tools'")
                .hasMessageContaining("SKILL.md front matter has no description");
    }

    @Test
    void rejectsFieldsWithoutAValue() {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\nname:\ndescription: Does things\n---\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("SKILL.md front matter: name is empty");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "name: 12           | name must be a string, not a number",
                "name: true         | name must be a string, not a boolean",
                "name: [a, b]       | name must be a string, not a list",
                "name: {a: b}       | name must be a string, not a mapping",
            })
    void rejectsFieldsThatAreNoStrings(String nameLine, String problem) {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\n" + nameLine + "\ndescription: Does things\n---\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("SKILL.md front matter: " + problem + "; put the value in quotes");
    }

    @Test
    void rejectsAFileWithoutFrontMatter() {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("# PDF tools\nname: pdf-tools\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("SKILL.md must start with a '---' line");
    }

    @Test
    void rejectsFrontMatterWithoutClosingLine() {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\nname: pdf-tools\ndescription: Reads PDFs\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("SKILL.md front matter has no closing '---' line");
    }

    @Test
    void rejectsEmptyFrontMatter() {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\n# nothing\n---\nBody\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("SKILL.md front matter is empty; it needs name and description");
    }

    @Test
    void rejectsFrontMatterThatIsNoMapping() {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\n- name\n- description\n---\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("SKILL.md front matter must be a YAML mapping")
                .hasMessageEndingWith("not a list");
    }

    @Test
    void reportsMalformedYamlWithItsLineInSkillMd() {
        // Line 1 is the opening '---', so the bad line 'description: [unclosed' is line 3 of SKILL.md.
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\nname: pdf-tools\ndescription: [unclosed\n---\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("SKILL.md front matter is not valid YAML: ")
                .hasMessageContaining("while parsing a flow sequence at line 3")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void reportsBadIndentationWithItsLine() {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\nname: pdf-tools\n  bad: indent: here\n---\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("SKILL.md front matter is not valid YAML: mapping values are not allowed here at line 3");
    }

    @Test
    void rejectsDuplicateKeysWithTheirLine() {
        assertThatThrownBy(() -> FrontMatter.parse(utf8("---\nname: one\nname: two\ndescription: d\n---\n")))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("SKILL.md front matter is not valid YAML: Duplicate field 'name' at line 3");
    }

    @Test
    void rejectsTextThatIsNotUtf8() {
        byte[] latin1 = "---\nname: caf\u00e9\ndescription: d\n---\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> FrontMatter.parse(latin1))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("SKILL.md is not valid UTF-8 text (bad byte at offset 13); save it with UTF-8 encoding");
    }

    static byte[] skillMd(String name, String description) {
        return utf8("---\nname: " + name + "\ndescription: " + description + "\n---\nBody\n");
    }
}
