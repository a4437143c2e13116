package dev.skillsync.scenario;

import dev.skillsync.testing.GaWire;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every scenario of {@link LeaderElectionScenarioTest}, with the operator and the fake Skills API in the GA wire
 * dialect.
 */
@QuarkusTest
@TestProfile(LeaderElectionScenarioGaTest.WithLeaderElectionGa.class)
class LeaderElectionScenarioGaTest extends LeaderElectionScenarioTest {

    public static class WithLeaderElectionGa extends LeaderElectionScenarioTest.WithLeaderElection implements GaWire {}
}
