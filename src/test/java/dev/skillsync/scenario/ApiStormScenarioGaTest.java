package dev.skillsync.scenario;

import dev.skillsync.testing.GaWire;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every scenario of {@link ApiStormScenarioTest}, with the operator and the fake Skills API in the GA wire
 * dialect.
 */
@QuarkusTest
@TestProfile(ApiStormScenarioGaTest.FourCallsAtOnceGa.class)
class ApiStormScenarioGaTest extends ApiStormScenarioTest {

    public static class FourCallsAtOnceGa extends ApiStormScenarioTest.FourCallsAtOnce implements GaWire {}
}
