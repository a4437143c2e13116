package dev.skillsync.skillsapi;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkillsApiClientProducerTest {

    private final SkillsApiClientProducer producer = new SkillsApiClientProducer();

    @Test
    void producedClientTalksToTheConfiguredApiWithTheBetaHeader() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody(SkillsApiFixtures.skillJson("skill_01", "x", "1")));
            SkillsApiClient client = producer.skillsApiClient(TestConfigs.skillsync(Map.of(
                    "skillsync.api.base-url", server.url("/").toString(), "skillsync.api.dialect", "beta")));
            try {
                assertThat(client.getSkill(KEY, "skill_01").id()).isEqualTo("skill_01");
                assertThat(server.takeRequest().getHeader("anthropic-beta")).isEqualTo("skills-2025-10-02");
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
        assertThatThrownBy(() -> producer.skillsApiClient(TestConfigs.skillsync(Map.of("skillsync.api.dialect", "ga"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skillsync.api.dialect 'ga' is not supported; the supported dialect is 'beta'");
    }
}
