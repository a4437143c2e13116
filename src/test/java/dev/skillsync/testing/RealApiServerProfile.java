package dev.skillsync.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code @QuarkusTest} against the real API server instead of the embedded one: the same test environment
 * with {@code cluster=real}, and none of the global test resources (which start the embedded one).
 */
public class RealApiServerProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(
                SkillsyncTestEnvironment.class,
                Map.of(SkillsyncTestEnvironment.CLUSTER, SkillsyncTestEnvironment.REAL)));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
