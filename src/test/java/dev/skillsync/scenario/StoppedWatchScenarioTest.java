package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.Constants;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A watch that stops for good makes the liveness probe fail, so that Kubernetes restarts the operator instead of
 * leaving it blind. The watch is stopped for real: the embedded API server sends the operator's ConfigMap watch an
 * object it cannot read, which fabric8 does not retry. This runs in an operator of its own (its own profile), as the
 * stopped watch would blind the operator the other scenarios share.
 */
@QuarkusTest
@TestProfile(StoppedWatchScenarioTest.OwnOperator.class)
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class StoppedWatchScenarioTest extends ScenarioSupport {

    /** No setting differs: the profile only gives this test an operator and an API server of its own. */
    public static class OwnOperator implements QuarkusTestProfile {}

    @TestHTTPResource("/q/health/live")
    URL liveness;

    @Test
    void aWatchThatStopsMakesTheOperatorNotLive() {
        assertThat(get(liveness).status()).isEqualTo(200);

        // A labelled ConfigMap whose data holds an object, not a string: no ConfigMap model can read it.
        String ns = uniqueNamespace("stopped-watch");
        k8s().genericKubernetesResources("v1", "ConfigMap")
                .inNamespace(ns)
                .resource(k8s().getKubernetesSerialization()
                        .unmarshal("""
                        {"apiVersion": "v1", "kind": "ConfigMap",
                         "metadata": {"name": "unreadable", "namespace": "%s", "labels": {"%s": "true"}},
                         "data": {"SKILL.md": {"not": "text"}}}""".formatted(ns, Constants.SOURCE_LABEL), GenericKubernetesResource.class))
                .create();

        await().atMost(TIMEOUT).until(() -> get(liveness).status() == 503);
        assertThat(get(liveness).body())
                .contains("\"status\": \"DOWN\"", "skill/labelled-configmaps", "stopped watching");
    }

    private record Answer(int status, String body) {}

    private static Answer get(URL url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Answer(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
