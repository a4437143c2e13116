package dev.skillsync.skillsapi;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.testing.TestConfigs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SkillsApiClientProducerTest {

    private final SkillsApiClientProducer producer = new SkillsApiClientProducer();

    @ParameterizedTest
    @EnumSource(WireShapes.class)
    void producedClientTalksToTheConfiguredApiInTheConfiguredDialect(WireShapes shapes) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody(shapes.skillJson("skill_01", "x", "1")));
            List<String> observed = new CopyOnWriteArrayList<>();
            SkillsApiClient client = producer.skillsApiClient(
                    TestConfigs.skillsync(Map.of(
                            "skillsync.api.base-url", server.url("/").toString(),
                            "skillsync.api.dialect", shapes.dialect().name())),
                    (operation, status, duration) -> observed.add(operation + " " + status));
            try {
                assertThat(client.getSkill(KEY, "skill_01").latestVersion()).isEqualTo("1");
                shapes.assertStandardHeaders(server.takeRequest());
                assertThat(observed).containsExactly("GET /v1/skills/{id} 200");
            } finally {
                producer.close(client);
            }
        }
    }

    @Test
    void theDefaultDialectIsBeta() {
        SkillsApiClient client = producer.skillsApiClient(TestConfigs.skillsync(Map.of()), ApiCallObserver.NONE);
        try {
            assertThat(client.dialect()).isInstanceOf(BetaDialect.class);
        } finally {
            producer.close(client);
        }
    }

    @Test
    void dialectNameIgnoresCaseAndSpaces() {
        assertThat(SkillsApiClientProducer.dialect(" Beta ")).isInstanceOf(BetaDialect.class);
        assertThat(SkillsApiClientProducer.dialect("GA ")).isInstanceOf(GaDialect.class);
    }

    @Test
    void unknownDialectFailsWithTheSettingAndTheChoices() {
        assertThatThrownBy(() -> producer.skillsApiClient(
                        TestConfigs.skillsync(Map.of("skillsync.api.dialect", "v2")), ApiCallObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skillsync.api.dialect (SKILLSYNC_API_DIALECT) 'v2' is not supported; the supported"
                        + " dialects are 'beta' and 'ga'");
    }
}
