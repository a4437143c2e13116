package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the settings the Helm chart sets for replicas > 1, the operator holds a Lease before it reconciles. */
@QuarkusTest
@TestProfile(LeaderElectionScenarioTest.WithLeaderElection.class)
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class LeaderElectionScenarioTest extends ScenarioSupport {

    static final String LEASE_NAMESPACE = "skillsync-system";
    static final String LEASE_NAME = "skillsync-leader";

    public static class WithLeaderElection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "skillsync.leader-election.enabled",
                    "true",
                    "skillsync.leader-election.lease-name",
                    LEASE_NAME,
                    "skillsync.leader-election.lease-namespace",
                    LEASE_NAMESPACE,
                    // Stopping the test app ends leadership; exiting then would end the test JVM too.
                    "skillsync.leader-election.exit-on-stop-leading",
                    "false",
                    // java-operator-sdk elects a leader in the prod profile only unless told otherwise.
                    "quarkus.operator-sdk.activate-leader-election-for-profiles",
                    "prod,test");
        }
    }

    @Test
    void theLeaderHoldsTheConfiguredLeaseAndSyncs() {
        String ns = uniqueNamespace("leader");
        create(configMap(ns, "files", true, files("led", "Led.", "pass\n")));
        create(newSkill(ns, "led", "files"));

        awaitSynced(ns, "led");

        Lease lease =
                k8s().leases().inNamespace(LEASE_NAMESPACE).withName(LEASE_NAME).get();
        assertThat(lease).isNotNull();
        assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
    }
}
