package dev.skillsync.testing;

import dev.skillsync.fake.FakeDialect;
import dev.skillsync.fake.FakeSkillsApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts what the operator under test talks to: the embedded Kubernetes API and the fake Skills API, and points the
 * operator's configuration at them. Tests reach both through the static accessors. The wire dialect follows the test
 * profile: GA for a profile marked {@link GaWire}, else beta.
 */
public class SkillsyncTestEnvironment implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKubernetes kubernetes;
    private static FakeSkillsApi skillsApi;

    private FakeDialect dialect = FakeDialect.BETA;

    public static EmbeddedKubernetes kubernetes() {
        return kubernetes;
    }

    public static FakeSkillsApi skillsApi() {
        return skillsApi;
    }

    @Override
    public void setContext(Context context) {
        dialect = isGaProfile(context.testProfile()) ? FakeDialect.GA : FakeDialect.BETA;
    }

    private boolean isGaProfile(String profile) {
        if (profile == null || profile.isEmpty()) {
            return false;
        }
        try {
            return GaWire.class.isAssignableFrom(Class.forName(profile, false, getClass().getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("test profile " + profile + " cannot be loaded", e);
        }
    }

    @Override
    public Map<String, String> start() {
        kubernetes = EmbeddedKubernetes.start();
        skillsApi = FakeSkillsApi.start(dialect);
        return Map.ofEntries(
                Map.entry("skillsync.api.dialect", dialect.settingValue()),
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
