package dev.skillsync.scenario;

import dev.skillsync.testing.GaWire;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every scenario of {@link SizeLimitScenarioTest}, with the operator and the fake Skills API in the GA wire
 * dialect.
 */
@QuarkusTest
@TestProfile(SizeLimitScenarioGaTest.SmallUploadsGa.class)
class SizeLimitScenarioGaTest extends SizeLimitScenarioTest {

    public static class SmallUploadsGa extends SizeLimitScenarioTest.SmallUploads implements GaWire {}
}
