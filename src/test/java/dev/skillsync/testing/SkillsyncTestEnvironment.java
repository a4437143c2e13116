package dev.skillsync.testing;

import dev.skillsync.fake.FakeSkillsApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts what the operator under test talks to: the embedded Kubernetes API and the fake Skills API, and points the
 * operator's configuration at them. Tests reach both through the static accessors.
 */
public class SkillsyncTestEnvironment implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKubernetes kubernetes;
    private static FakeSkillsApi skillsApi;

    public static EmbeddedKubernetes kubernetes() {
        return kubernetes;
    }

    public static FakeSkillsApi skillsApi() {
        return skillsApi;
    }

    @Override
    public Map<String, String> start() {
        kubernetes = EmbeddedKubernetes.start();
        skillsApi = FakeSkillsApi.start();
        return Map.ofEntries(
                Map.entry("quarkus.kubernetes-client.api-server-url", kubernetes.url()),
                Map.entry("quarkus.kubernetes-client.trust-certs", "true"),
                Map.entry("skillsync.api.base-url", skillsApi.baseUrl()),
                Map.entry("skillsync.api.key", FakeSkillsApi.DEFAULT_KEY),
                // Retries stay real but fast, so fault tests finish in seconds.
                Map.entry("skillsync.api.initial-backoff", "20ms"),
                Map.entry("skillsync.api.max-backoff", "200ms"),
                Map.entry("skillsync.retry.min-backoff", "200ms"),
                Map.entry("skillsync.retry.max-backoff", "2s"),
                Map.entry("skillsync.retry.rate-limited-backoff", "500ms"));
    }

    @Override
    public void stop() {
        if (skillsApi != null) {
            skillsApi.close();
        }
        if (kubernetes != null) {
            kubernetes.close();
        }
    }
}
