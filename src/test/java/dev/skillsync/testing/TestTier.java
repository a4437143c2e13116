package dev.skillsync.testing;

import java.util.Set;
import org.junit.platform.engine.TestTag;

/**
 * The test tiers, by what a machine needs to run them: JUnit tags select one ({@code -Dgroups=real-apiserver}) or
 * leave one out ({@code -DexcludedGroups=...}). Untagged tests need only a JDK and Maven.
 */
public enum TestTier {
    CORE(null, "core (JDK and Maven)"),
    EXTERNAL_TOOLS(TestTier.EXTERNAL_TOOLS_TAG, "external-tools (docker-registry, htpasswd, openssl, lua5.1, kubectl)"),
    REAL_APISERVER(
            TestTier.REAL_APISERVER_TAG,
            "real-apiserver (Kubernetes " + RealKubernetes.VERSION + ", etcd " + RealKubernetes.ETCD_VERSION + ")");

    public static final String EXTERNAL_TOOLS_TAG = "external-tools";
    public static final String REAL_APISERVER_TAG = "real-apiserver";

    private final String tag;
    private final String label;

    TestTier(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A test's tier: the real API server's if tagged so (it may need the other tools too), then the tools'. */
    static TestTier of(Set<TestTag> tags) {
        if (tags.contains(TestTag.create(REAL_APISERVER_TAG))) {
            return REAL_APISERVER;
        }
        return tags.contains(TestTag.create(EXTERNAL_TOOLS_TAG)) ? EXTERNAL_TOOLS : CORE;
    }
}
