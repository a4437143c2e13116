package dev.skillsync.content;

import static dev.skillsync.content.ContentHashTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.resource.KeyToPath;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapFilesTest {

    private static final byte[] PNG_BYTES = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};

    @Test
    void makesEveryDataAndBinaryDataKeyAFileAtTheRoot() throws Exception {
        ConfigMap configMap = configMap(
                Map.of("SKILL.md", "---\nname: x\n---\n", "notes.txt", "héllo"), Map.of("logo.png", base64(PNG_BYTES)));

        SkillFiles files = ConfigMapFiles.extract(configMap, null);

        assertThat(files.asMap()).containsOnlyKeys("SKILL.md", "notes.txt", "logo.png");
        assertThat(files.asMap().get("notes.txt")).isEqualTo(utf8("héllo"));
        assertThat(files.asMap().get("logo.png")).isEqualTo(PNG_BYTES);
        assertThat(ConfigMapFiles.extract(configMap, List.of())).isEqualTo(files);
    }

    @Test
    void placesItemsAtTheirPathsAndLeavesOtherKeysOut() throws Exception {
        ConfigMap configMap = configMap(
                Map.of("SKILL.md", "skill", "extract.py", "print(1)", "unused", "x"),
                Map.of("logo.png", base64(PNG_BYTES)));

        SkillFiles files = ConfigMapFiles.extract(
                configMap,
                List.of(
                        new KeyToPath("SKILL.md", "SKILL.md"),
                        new KeyToPath("extract.py", "scripts/extract.py"),
                        new KeyToPath("extract.py", "scripts/copy.py"),
                        new KeyToPath("logo.png", "assets/img/logo.png")));

        assertThat(files.asMap())
                .containsOnlyKeys("SKILL.md", "scripts/extract.py", "scripts/copy.py", "assets/img/logo.png");
        assertThat(files.asMap().get("scripts/extract.py")).isEqualTo(utf8("print(1)"));
        assertThat(files.asMap().get("scripts/copy.py")).isEqualTo(utf8("print(1)"));
        assertThat(files.asMap().get("assets/img/logo.png")).isEqualTo(PNG_BYTES);
    }

    @Test
    void namesTheMissingKeyAndTheConfigMap() {
        ConfigMap configMap = configMap(Map.of("SKILL.md", "skill"), Map.of());

        assertThatThrownBy(() -> ConfigMapFiles.extract(
                        configMap,
                        List.of(
                                new KeyToPath("SKILL.md", "SKILL.md"),
                                new KeyToPath("extract.py", "scripts/extract.py"))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("ConfigMap 'team-a/pdf-tools-files' has no key 'extract.py' (items[1]); add it to data "
                        + "or binaryData, or correct the item's key");
    }

    @Test
    void rejectsAKeyInBothDataAndBinaryData() {
        ConfigMap configMap =
                configMap(Map.of("SKILL.md", "skill", "logo.png", "text"), Map.of("logo.png", base64(PNG_BYTES)));

        assertThatThrownBy(() -> ConfigMapFiles.extract(configMap, null))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("ConfigMap 'team-a/pdf-tools-files': key 'logo.png' is in both data and binaryData; "
                        + "keep it in one of them");
    }

    @Test
    void rejectsTwoItemsWithTheSamePath() {
        ConfigMap configMap = configMap(Map.of("SKILL.md", "skill", "a.py", "a", "b.py", "b"), Map.of());

        assertThatThrownBy(() -> ConfigMapFiles.extract(
                        configMap,
                        List.of(
                                new KeyToPath("SKILL.md", "SKILL.md"),
                                new KeyToPath("a.py", "scripts/run.py"),
                                new KeyToPath("b.py", "scripts/run.py"))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("ConfigMap 'team-a/pdf-tools-files' items[2] (key 'b.py') maps to path 'scripts/run.py', "
                        + "as items[1] does; give each item its own path");
    }

    @Test
    void appliesThePathRuleToItemPaths() {
        ConfigMap configMap = configMap(Map.of("SKILL.md", "skill", "a.py", "a"), Map.of());

        assertThatThrownBy(() -> ConfigMapFiles.extract(
                        configMap,
                        List.of(
                                new KeyToPath("SKILL.md", "SKILL.md"),
                                new KeyToPath("a.py", "../../etc/cron.d/a"),
                                new KeyToPath("a.py", "/a.py"),
                                new KeyToPath("a.py", null))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("3 problems: ")
                .hasMessageContaining("items[1] (key 'a.py'): path '../../etc/cron.d/a' contains a '..' segment")
                .hasMessageContaining("items[2] (key 'a.py'): path '/a.py' is absolute")
                .hasMessageContaining("items[3] (key 'a.py'): a file path is empty");
    }

    @Test
    void rejectsAnItemWithoutKey() {
        ConfigMap configMap = configMap(Map.of("SKILL.md", "skill"), Map.of());

        assertThatThrownBy(() -> ConfigMapFiles.extract(configMap, List.of(new KeyToPath(null, "SKILL.md"))))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("ConfigMap 'team-a/pdf-tools-files' items[0] has no key; name a data or binaryData key");
    }

    @Test
    void appliesThePathRuleToKeysWithoutItems() {
        ConfigMap configMap = configMap(Map.of("SKILL.md", "skill", "..", "x"), Map.of());

        assertThatThrownBy(() -> ConfigMapFiles.extract(configMap, null))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith(
                        "ConfigMap 'team-a/pdf-tools-files': key '..': path '..' contains a '..' " + "segment");
    }

    @Test
    void rejectsAnEmptyConfigMap() {
        assertThatThrownBy(() -> ConfigMapFiles.extract(configMap(null, null), null))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("ConfigMap 'team-a/pdf-tools-files' has no data or binaryData keys; add SKILL.md and the "
                        + "skill's other files to it");
    }

    @Test
    void rejectsBinaryDataThatIsNotBase64() {
        ConfigMap configMap = configMap(Map.of("SKILL.md", "skill"), Map.of("logo.png", "not base64!"));

        assertThatThrownBy(() -> ConfigMapFiles.extract(configMap, null))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("ConfigMap 'team-a/pdf-tools-files': binaryData key 'logo.png' is not valid base64; "
                        + "store the file's bytes base64-encoded");
    }

    private static ConfigMap configMap(Map<String, String> data, Map<String, String> binaryData) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("team-a")
                .withName("pdf-tools-files")
                .endMetadata()
                .withData(data)
                .withBinaryData(binaryData)
                .build();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
