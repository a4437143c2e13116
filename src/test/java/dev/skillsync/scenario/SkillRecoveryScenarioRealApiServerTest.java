package dev.skillsync.scenario;

import dev.skillsync.testing.RealApiServerProfile;
import dev.skillsync.testing.RealApiServerTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every scenario of {@link SkillRecoveryScenarioTest} (adoption, answers lost in a crash, drift, Delete and Orphan) against a real API server with etcd. */
@QuarkusTest
@RealApiServerTest
@TestProfile(RealApiServerProfile.class)
class SkillRecoveryScenarioRealApiServerTest extends SkillRecoveryScenarioTest {}
