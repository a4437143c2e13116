package dev.skillsync.crash;

import static dev.skillsync.testing.SkillFixtures.asBytes;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skillsync.Constants;
import dev.skillsync.fake.FakeSkill;
import dev.skillsync.oci.HoldingRegistryProxy;
import dev.skillsync.oci.RegistryServer;
import dev.skillsync.oci.TestLayer;
import dev.skillsync.resource.OciRef;
import dev.skillsync.resource.OciSource;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillSource;
import dev.skillsync.testing.CallHold;
import dev.skillsync.testing.ExternalCommand;
import dev.skillsync.testing.HttpCall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator killed with SIGKILL in the middle of pulling a Skill's OCI artifact from a real registry
 * ({@code docker-registry}, behind a proxy that holds the pull), then started again.
 */
class CrashDuringOciPullIT extends CrashTestSupport {

    @TempDir
    static Path directory;

    static RegistryServer registry;
    static HoldingRegistryProxy proxy;

    @BeforeAll
    static void startRegistry() throws IOException {
        ExternalCommand.DOCKER_REGISTRY.assumeInstalled();
        registry = RegistryServer.plainHttp(directory);
        proxy = new HoldingRegistryProxy(registry);
    }

    @AfterAll
    static void stopRegistry() {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aPullCutShortByTheKillIsDoneAgainAfterTheRestartAndUploadedOnce() throws Exception {
        ns = uniqueNamespace("crash-oci");
        String repository = "skills/" + ns;
        Map<String, String> first = files("pulled", "Pulled from a registry.", "v = 1\n");
        Map<String, String> second = files("pulled", "Pulled from a registry.", "v = 2\n");
        registry.pusher().pushArtifact(repository, "stable", List.of(TestLayer.fluxArchive(asBytes(first))));
        startOperator();
        create(ociSkill("pulled", repository));
        FakeSkill remote = assertConverged("pulled", "pulled", first, 10);

        String secondDigest =
                registry.pusher().pushArtifact(repository, "stable", List.of(TestLayer.fluxArchive(asBytes(second))));
        CallHold pull = proxy.holdWhenReceived(
                "GET of a blob of " + repository, HttpCall.matching("GET", "/v2/" + repository + "/blobs/.+"));
        skill("pulled").edit(s -> {
            s.getMetadata().getAnnotations().put(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, "2026-12-01T00:00:00Z");
            return s;
        });
        pull.awaitHeld(TIMEOUT);
        killOperator();
        pull.release();

        assertThat(api.versions(remote.id()))
                .as("remote versions before the restart")
                .hasSize(1);
        startOperator();

        Skill synced = awaitSkill(
                "pulled",
                "status.sourceRevision stable@" + secondDigest,
                s -> ("stable@" + secondDigest).equals(s.getStatus().getSourceRevision()));
        assertThat(synced.getStatus().getSkillId()).isEqualTo(remote.id());
        assertConverged("pulled", "pulled", second, 10);
        assertThat(api.versions(remote.id()))
                .as("remote versions: the first and the one pulled after the restart")
                .hasSize(2);
    }

    @Override
    void stopHolds() {
        super.stopHolds();
        proxy.dropHolds();
    }

    private Skill ociSkill(String name, String repository) {
        OciSource oci = new OciSource();
        oci.setUrl(proxy.url(repository));
        oci.setRef(new OciRef("stable", null));
        oci.setInsecure(true);
        SkillSource source = new SkillSource();
        source.setOci(oci);
        return newSkill(ns, name, source);
    }
}
