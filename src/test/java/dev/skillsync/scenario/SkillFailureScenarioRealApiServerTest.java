package dev.skillsync.scenario;

import dev.skillsync.testing.RealApiServerProfile;
import dev.skillsync.testing.RealApiServerTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every scenario of {@link SkillFailureScenarioTest} (invalid content, a missing source or Secret, API errors) against a real API server with etcd. */
@QuarkusTest
@RealApiServerTest
@TestProfile(RealApiServerProfile.class)
class SkillFailureScenarioRealApiServerTest extends SkillFailureScenarioTest {}
