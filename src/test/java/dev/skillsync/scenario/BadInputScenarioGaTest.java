package dev.skillsync.scenario;

import dev.skillsync.testing.GaWireProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every scenario of {@link BadInputScenarioTest}, with the operator and the fake Skills API in the GA wire
 * dialect.
 */
@QuarkusTest
@TestProfile(GaWireProfile.class)
class BadInputScenarioGaTest extends BadInputScenarioTest {}
