package dev.skillsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.skillsync.testing.ExternalCommand;
import dev.skillsync.testing.TestTier;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/argocd/skill-health.lua, run by a real Lua 5.1 against Skills in every state a user meets. */
@Tag(TestTier.EXTERNAL_TOOLS_TAG)
class ArgoCdHealthCheckTest {

    private static final String HEALTH_KEY = "resource.customizations.health.skillsync.dev_Skill";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            suspended         | Suspended   | Suspended: spec.suspend is true, so the operator makes no calls to the Skills API
            generation-behind | Progressing | Waiting for the operator to handle generation 3
            new               | Progressing | Waiting for the operator to handle generation 1
            first-sync        | Progressing | First sync in progress
            reconciling       | Progressing | Uploading version with content sha256:9f2c
            stalled           | Degraded    | SKILL.md has no front matter: add name and description
            healthy           | Healthy     | Version 1759178010641129 holds the content
            ready-false       | Degraded    | The Skills API answered 500 Internal Server Error; retrying
            """)
    void reportsTheSkillsHealth(String fixture, String status, String message) {
        String harness = "obj = " + LuaLiteral.of(fixture(fixture)) + "\n"
                + "local hs = dofile(" + LuaLiteral.string(ProjectFiles.HEALTH_SCRIPT.toString()) + ")\n"
                + "io.write(hs.status, \"\\n\", hs.message, \"\\n\")\n";

        String printed = runLua(harness);

        assertThat(printed).isEqualTo(status + "\n" + message + "\n");
    }

    @Test
    void theArgoCdConfigMapSnippetEmbedsTheScript() {
        ConfigMap argocdCm =
                Manifests.SERIALIZATION.unmarshal(ProjectFiles.read(ProjectFiles.ARGOCD_CM_SNIPPET), ConfigMap.class);

        assertThat(argocdCm.getMetadata().getName()).isEqualTo("argocd-cm");
        assertThat(argocdCm.getData().get(HEALTH_KEY))
                .as("docs/argocd-cm-snippet.yaml must embed deploy/argocd/skill-health.lua unchanged")
                .isEqualTo(ProjectFiles.read(ProjectFiles.HEALTH_SCRIPT));
    }

    @Test
    void theDocumentationShowsTheScript() {
        assertThat(ProjectFiles.read(ProjectFiles.ARGOCD_HEALTH_DOC))
                .as("docs/argocd-health.md must show deploy/argocd/skill-health.lua unchanged in a ```lua block")
                .contains("```lua\n" + ProjectFiles.read(ProjectFiles.HEALTH_SCRIPT) + "```\n");
    }

    private static String runLua(String program) {
        try {
            Path file = Files.createTempFile("skillsync-health", ".lua");
            try {
                Files.writeString(file, program);
                return ExternalCommand.LUA51.run(file.toString());
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode fixture(String name) {
        String resource = "skill-health/" + name + ".yaml";
        try (InputStream yaml = ArgoCdHealthCheckTest.class.getResourceAsStream(resource)) {
            assertThat(yaml).as("test fixture %s", resource).isNotNull();
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
