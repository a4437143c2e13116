package dev.skillsync.scenario;

import dev.skillsync.testing.GaWire;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every scenario of {@link DefaultKeyFileScenarioTest}, with the operator and the fake Skills API in the GA wire
 * dialect.
 */
@QuarkusTest
@TestProfile(DefaultKeyFileScenarioGaTest.KeyFromFileGa.class)
class DefaultKeyFileScenarioGaTest extends DefaultKeyFileScenarioTest {

    public static class KeyFromFileGa extends DefaultKeyFileScenarioTest.KeyFromFile implements GaWire {}
}
