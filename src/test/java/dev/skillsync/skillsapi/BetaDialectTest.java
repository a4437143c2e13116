package dev.skillsync.skillsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class BetaDialectTest {

    private final BetaDialect dialect = new BetaDialect();
    private final ObjectMapper json = new ObjectMapper();

    private static RemoteVersion version(String version) {
        return new RemoteVersion("skillver_" + version, "skill_01", version, "x", "x", "x", null);
    }

    @Test
    void newestFirstComparesVersionsAsNumbers() {
        List<RemoteVersion> listed =
                List.of(version("999"), version("1759178010641129"), version("1000"), version("1759178010641130"));

        assertThat(dialect.newestFirst(listed))
                .extracting(RemoteVersion::version)
                .containsExactly("1759178010641130", "1759178010641129", "1000", "999");
    }

    @Test
    void lastPageEndsPagination() throws Exception {
        assertThat(dialect.nextPage(node("{\"data\":[],\"has_more\":true,\"next_page\":\"p2\"}")))
                .contains("p2");
        assertThat(dialect.nextPage(node("{\"data\":[],\"has_more\":false,\"next_page\":\"p2\"}")))
                .isEmpty();
        assertThat(dialect.nextPage(node("{\"data\":[],\"has_more\":true,\"next_page\":null}")))
                .isEmpty();
        assertThat(dialect.nextPage(node("{\"data\":[],\"next_page\":\"p2\"}"))).contains("p2");
    }

    @Test
    void skillWithoutLatestVersionReadsAsNull() throws Exception {
        RemoteSkill skill = dialect.readSkill(node("{\"id\":\"skill_01\",\"latest_version\":null}"));

        assertThat(skill.latestVersion()).isNull();
    }

    @Test
    void versionWithoutItsIdentifierIsRejected() {
        assertThatThrownBy(() -> dialect.readVersion(node("{\"id\":\"skillver_01\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("it has no \"version\"");
    }

    @Test
    void sendsTheSkillsBetaHeader() {
        assertThat(dialect.headers()).containsEntry("anthropic-beta", "skills-2025-10-02");
    }

    private JsonNode node(String text) throws Exception {
        return json.readTree(text);
    }
}
