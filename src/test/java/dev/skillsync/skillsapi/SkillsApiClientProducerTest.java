package dev.skillsync.skillsapi;

import dev.skillsync.testing.TestConfigs;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkillsApiClientProducerTest {

    private final SkillsApiClientProducer producer = new SkillsApiClientProducer();

    @Test
    void producedClientTalksToTheConfiguredApiWithTheBetaHeader() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody(SkillsApiFixtures.skillJson("skill_01", "x", "1")));
            List<String> observed = new CopyOnWriteArrayList<>();
            SkillsApiClient client = producer.skillsApiClient(TestConfigs.skillsync(Map.of(
                    "skillsync.api.base-url", server.url("/").toString(), "skillsync.api.dialect", "beta")),
                    (operation, status, duration) -> observed.add(operation + " " + status));
            try {
                assertThat(client.getSkill(KEY, "skill_01").id()).isEqualTo("skill_01");
                assertThat(server.takeRequest().getHeader("anthropic-beta")).isEqualTo("skills-2025-10-02");
                assertThat(observed).containsExactly("GET /v1/skills/{id} 200");
            } finally {
                producer.close(client);
            }
        }
    }

    @Test
    void dialectNameIgnoresCaseAndSpaces() {
        assertThat(SkillsApiClientProducer.dialect(" Beta ")).isInstanceOf(BetaDialect.class);
    }

    @Test
    void unknownDialectFailsWithTheSettingAndTheChoices() {
        assertThatThrownBy(() -> producer.skillsApiClient(TestConfigs.skillsync(Map.of("skillsync.api.dialect", "ga")),
                ApiCallObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skillsync.api.dialect 'ga' is not supported; the supported dialect is 'beta'");
    }
}
