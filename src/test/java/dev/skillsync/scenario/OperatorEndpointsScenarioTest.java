package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What Prometheus and the kubelet see: the metrics and the health probes. */
@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class OperatorEndpointsScenarioTest extends ScenarioSupport {

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @TestHTTPResource("/q/health/live")
    URL liveness;

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @Test
    void metricsCountReconcilesApiCallsVersionsAndSkillsByReadyReason() throws IOException {
        String ns = uniqueNamespace("metrics");
        create(configMap(ns, "files", true, files("measured", "Measured.", "v = 1\n")));
        create(newSkill(ns, "measured", "files"));
        awaitSynced(ns, "measured");
        putFile(ns, "files", "run.py", "v = 2\n");
        await().atMost(TIMEOUT).until(() -> get(metrics).body().contains("skillsync_versions_created_total"));

        String body = get(metrics).body();
        // The Prometheus text format may end a label set with a comma.
        assertThat(body)
                .containsPattern("skillsync_reconciles_total\\{result=\"Synced\",?} [1-9]")
                .containsPattern("skillsync_api_calls_total\\{operation=\"POST /v1/skills\",status=\"200\",?} [1-9]")
                .containsPattern(
                        "skillsync_api_call_duration_seconds_bucket\\{operation=\"POST /v1/skills/\\{id}/versions\"")
                .containsPattern("skillsync_versions_created_total [1-9]")
                .containsPattern("skillsync_skills\\{ready_reason=\"Synced\",?} [1-9]")
                .contains("skillsync_versions_pruned_total");
    }

    @Test
    void livenessAndReadinessProbesAnswerUp() throws IOException {
        assertThat(get(liveness).status()).isEqualTo(200);
        assertThat(get(readiness).status()).isEqualTo(200);
        assertThat(get(readiness).body()).contains("\"status\": \"UP\"");
    }

    private record Answer(int status, String body) {}

    private static Answer get(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
