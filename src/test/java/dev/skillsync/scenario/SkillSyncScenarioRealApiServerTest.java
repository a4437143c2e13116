package dev.skillsync.scenario;

import dev.skillsync.testing.RealApiServerProfile;
import dev.skillsync.testing.RealApiServerTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every scenario of {@link SkillSyncScenarioTest} (create, the no-op of an unchanged source, a new version, retention, suspend) against a real API server with etcd. */
@QuarkusTest
@RealApiServerTest
@TestProfile(RealApiServerProfile.class)
class SkillSyncScenarioRealApiServerTest extends SkillSyncScenarioTest {}
