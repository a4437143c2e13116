package dev.skillsync.skillsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class GaDialectTest {

    private final GaDialect dialect = new GaDialect();
    private final ObjectMapper json = new ObjectMapper();

    private static RemoteVersion version(String id, String createdAt) {
        return new RemoteVersion(id, "skill_01", id, "x", "x", null, createdAt);
    }

    @Test
    void newestFirstGoesByCreationTimeWhateverOrderTheListCameIn() {
        List<RemoteVersion> listed = List.of(
                version("skver_b", "2026-11-20T10:00:02Z"),
                version("skver_z", "2026-11-20T10:00:01.5Z"),
                version("skver_a", "2026-11-20T10:00:03.000001Z"),
                version("skver_unknown", null));

        assertThat(dialect.newestFirst(listed))
                .extracting(RemoteVersion::version)
                .containsExactly("skver_a", "skver_b", "skver_z", "skver_unknown");
    }

    @Test
    void aPageEndsWithANullNextPageAndHasNoHasMore() throws Exception {
        assertThat(dialect.nextPage(node("{\"data\":[],\"next_page\":\"p2\"}"))).contains("p2");
        assertThat(dialect.nextPage(node("{\"data\":[],\"next_page\":null}"))).isEmpty();
        assertThat(dialect.nextPage(node("{\"data\":[]}"))).isEmpty();
    }

    @Test
    void readsTheGaSkillObject() throws Exception {
        RemoteSkill skill = dialect.readSkill(
                node(
                        "{\"id\":\"skill_01\",\"type\":\"skill\","
                                + "\"created_at\":\"2026-11-20T10:00:00Z\",\"updated_at\":\"2026-11-21T10:00:00Z\","
                                + "\"display_name\":\"PDF tools\",\"latest_version_id\":\"skver_01\",\"source\":{\"type\":\"custom\"}}"));

        assertThat(skill)
                .isEqualTo(new RemoteSkill(
                        "skill_01", "PDF tools", "skver_01", "custom", "2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z"));
    }

    @Test
    void aVersionIsAddressedByItsIdAndHasNoDirectory() throws Exception {
        RemoteVersion version = dialect.readVersion(node("{\"id\":\"skver_01\",\"type\":\"skill_version\","
                + "\"created_at\":\"2026-11-20T10:00:00Z\",\"description\":\"d\",\"skill_id\":\"skill_01\","
                + "\"name\":\"pdf-tools\"}"));

        assertThat(version)
                .isEqualTo(new RemoteVersion(
                        "skver_01", "skill_01", "skver_01", "pdf-tools", "d", null, "2026-11-20T10:00:00Z"));
        assertThatThrownBy(() -> dialect.readVersion(node("{\"name\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("it has no \"id\"");
    }

    @Test
    void displayNamesOfOneLineUpTo255CharactersAreTaken() {
        assertThat(dialect.displayTitleProblem("a".repeat(255))).isEmpty();
        assertThat(dialect.displayTitleProblem("a".repeat(256)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("256 characters", "at most 255"));
        assertThat(dialect.displayTitleProblem("two\nlines"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("one line"));
        assertThat(dialect.displayTitleProblem("carriage\rreturn")).isPresent();
        assertThat(new BetaDialect().displayTitleProblem("a".repeat(256))).isEmpty();
    }

    @Test
    void sendsNoBetaHeaderButAsksForTheBetaContentEndpointWithIt() {
        assertThat(dialect.headers()).isEmpty();
        assertThat(dialect.downloadHeaders()).containsEntry("anthropic-beta", "skills-2025-10-02");
        assertThat(dialect.latestVersionAlias()).contains("latest");
        assertThat(dialect.uniqueDisplayTitles()).isFalse();
        assertThat(dialect.deletesVersionsWithSkill()).isTrue();
    }

    @Test
    void tellsGaIdentifiersFromBetaOnes() {
        assertThat(dialect.isVersionIdentifier("skver_01")).isTrue();
        assertThat(dialect.isVersionIdentifier("1759178010641129")).isFalse();
        assertThat(new BetaDialect().isVersionIdentifier("1759178010641129")).isTrue();
        assertThat(new BetaDialect().isVersionIdentifier("skver_01")).isFalse();
    }

    private JsonNode node(String text) throws Exception {
        return json.readTree(text);
    }
}
