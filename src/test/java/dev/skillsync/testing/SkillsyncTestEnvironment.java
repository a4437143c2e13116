package dev.skillsync.testing;

import dev.skillsync.fake.FakeDialect;
import dev.skillsync.fake.FakeSkillsApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts what the operator under test talks to: a Kubernetes API and the fake Skills API, and points the operator's
 * configuration at them. The Kubernetes API is the embedded one, or with the init argument {@code cluster=real}
 * (see {@link RealApiServerProfile}) the shared real API server, which the operator reaches through a
 * {@link HoldingProxy} so that race tests can hold its requests. The wire dialect follows the test profile: GA for a
 * profile marked {@link GaWire}, else beta. Tests reach all of it through the static accessors.
 */
public class SkillsyncTestEnvironment implements QuarkusTestResourceLifecycleManager {

    /** Init argument naming the cluster: {@value #REAL} for the real API server; the embedded one otherwise. */
    public static final String CLUSTER = "cluster";

    public static final String REAL = "real";

    private static KubernetesClient kubernetesClient;
    private static EmbeddedKubernetes embedded;
    private static RealKubernetesBehindProxy realBehindProxy;
    private static FakeSkillsApi skillsApi;

    private boolean real;
    private FakeDialect dialect = FakeDialect.BETA;

    /** An admin client of the cluster the operator under test watches. */
    public static KubernetesClient kubernetes() {
        return kubernetesClient;
    }

    /**
     * The cluster as a race test needs it: the embedded one, or the real API server, which the operator under test
     * then reaches through a holding proxy.
     */
    public static RequestHolding requestHolding() {
        return embedded != null ? embedded : realBehindProxy;
    }

    public static FakeSkillsApi skillsApi() {
        return skillsApi;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        real = REAL.equals(initArgs.get(CLUSTER));
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
            return GaWire.class.isAssignableFrom(
                    Class.forName(profile, false, getClass().getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("test profile " + profile + " cannot be loaded", e);
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (real) {
            RealKubernetes cluster = RealKubernetes.shared();
            kubernetesClient = cluster.admin();
            realBehindProxy = RealKubernetesBehindProxy.start(cluster);
            config.put("quarkus.kubernetes-client.api-server-url", realBehindProxy.url());
            config.put("quarkus.kubernetes-client.token", cluster.adminToken());
        } else {
            embedded = EmbeddedKubernetes.start();
            kubernetesClient = embedded.client();
            config.put("quarkus.kubernetes-client.api-server-url", embedded.url());
        }
        skillsApi = FakeSkillsApi.start(dialect);
        config.putAll(Map.ofEntries(
                Map.entry("skillsync.api.dialect", dialect.settingValue()),
                Map.entry("quarkus.kubernetes-client.trust-certs", "true"),
                Map.entry("skillsync.api.base-url", skillsApi.baseUrl()),
                Map.entry("skillsync.api.key", FakeSkillsApi.DEFAULT_KEY),
                // Retries stay real but fast, so fault tests finish in seconds.
                Map.entry("skillsync.api.initial-backoff", "20ms"),
                Map.entry("skillsync.api.max-backoff", "200ms"),
                Map.entry("skillsync.retry.min-backoff", "200ms"),
                Map.entry("skillsync.retry.max-backoff", "2s"),
                Map.entry("skillsync.retry.rate-limited-backoff", "500ms")));
        return config;
    }

    @Override
    public void stop() {
        if (skillsApi != null) {
            skillsApi.close();
        }
        // The real API server is shared by the JVM's tests and stops with it; its proxy is this environment's.
        if (realBehindProxy != null) {
            realBehindProxy.close();
            realBehindProxy = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
