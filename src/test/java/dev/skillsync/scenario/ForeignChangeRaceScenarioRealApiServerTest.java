package dev.skillsync.scenario;

import dev.skillsync.testing.RealApiServerProfile;
import dev.skillsync.testing.RealApiServerTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every race of {@link ForeignChangeRaceScenarioTest} against a real API server with etcd: the operator's write is
 * held in the holding proxy in front of it, and the foreign change goes to the API server directly.
 */
@QuarkusTest
@RealApiServerTest
@TestProfile(RealApiServerProfile.class)
class ForeignChangeRaceScenarioRealApiServerTest extends ForeignChangeRaceScenarioTest {}
