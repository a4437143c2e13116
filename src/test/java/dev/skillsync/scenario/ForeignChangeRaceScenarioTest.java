package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.Constants;
import dev.skillsync.resource.Retention;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.CallHold;
import dev.skillsync.testing.HttpCall;
import dev.skillsync.testing.RequestHolding;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A change made by someone else while the operator's own write of the Skill is in flight: the test holds that write in
 * the API server, lands its change, lets the write go, and checks that the change is acted on within seconds, as it
 * would be at any other moment.
 */
@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class ForeignChangeRaceScenarioTest extends ScenarioSupport {

    /** "Within seconds": far below the Skill's interval (10m), so only an event can explain the reconcile. */
    private static final Duration SOON = Duration.ofSeconds(10);

    private static final String NAME = "racer";

    @RepeatedTest(50)
    void aDeletionDuringAStatusWriteDeletesTheSkillAndItsRemoteSkill() throws InterruptedException {
        String ns = uniqueNamespace("race-delete");
        String skillId = syncedSkill(ns).getStatus().getSkillId();

        // A content change makes the operator write status (Reconciling) before it uploads the new version.
        duringHeldWrite(
                statusWriteOf(ns),
                () -> putFile(ns, "files", "run.py", "v = 2\n"),
                bystander -> bystander
                        .resources(Skill.class)
                        .inNamespace(ns)
                        .withName(NAME)
                        .delete());

        await().atMost(SOON).until(() -> skill(ns, NAME).get() == null);
        assertThat(api().skill(skillId)).isEmpty();
        assertThat(remoteSkillsOf(ns, NAME)).isEmpty();
    }

    @RepeatedTest(50)
    void aSpecEditDuringTheFinalStatusWriteIsSynced() throws InterruptedException {
        String ns = uniqueNamespace("race-spec");
        long generation = syncedSkill(ns).getMetadata().getGeneration();

        // With nothing to upload, the status patch at the end of the reconcile is the operator's only write.
        duringHeldWrite(
                statusWriteOf(ns),
                () -> requestReconcile(ns, NAME, "before-the-edit"),
                bystander -> setMaxVersions(bystander, ns, 1));

        await().atMost(SOON).until(() -> {
            Skill skill = skill(ns, NAME).get();
            return Objects.equals(skill.getStatus().getObservedGeneration(), generation + 1)
                    && hasCondition(skill, "Ready", "True", "Synced");
        });
        assertThat(skill(ns, NAME).get().getSpec().maxVersions()).isEqualTo(1);
        assertThat(skill(ns, NAME).get().getStatus().getLastHandledReconcileAt())
                .isEqualTo("before-the-edit");
    }

    @RepeatedTest(10)
    void aReconcileRequestDuringAStatusWriteIsHandled() throws InterruptedException {
        String ns = uniqueNamespace("race-request");
        syncedSkill(ns);

        duringHeldWrite(
                statusWriteOf(ns),
                () -> putFile(ns, "files", "run.py", "v = 2\n"),
                bystander -> bystander
                        .resources(Skill.class)
                        .inNamespace(ns)
                        .withName(NAME)
                        .edit(s -> {
                            s.getMetadata().getAnnotations().put(Constants.RECONCILE_REQUESTED_AT_ANNOTATION, "during");
                            return s;
                        }));

        await().atMost(SOON)
                .until(() -> "during".equals(skill(ns, NAME).get().getStatus().getLastHandledReconcileAt()));
    }

    @RepeatedTest(10)
    void aConfigMapEditDuringTheFinalStatusWriteIsUploaded() throws InterruptedException {
        String ns = uniqueNamespace("race-configmap");
        String skillId = syncedSkill(ns).getStatus().getSkillId();

        duringHeldWrite(
                statusWriteOf(ns),
                () -> requestReconcile(ns, NAME, "before-the-edit"),
                bystander -> bystander
                        .configMaps()
                        .inNamespace(ns)
                        .withName("files")
                        .edit(cm -> {
                            cm.getData().put("run.py", "v = 3\n");
                            return cm;
                        }));

        await().atMost(SOON)
                .until(() -> api().versions(skillId).stream()
                        .anyMatch(v ->
                                "v = 3\n".equals(new String(v.files().get(NAME + "/run.py"), StandardCharsets.UTF_8))));
        String newest = api().skill(skillId).orElseThrow().latestVersion();
        await().atMost(SOON).until(() -> {
            Skill skill = skill(ns, NAME).get();
            return newest.equals(skill.getStatus().getLatestVersion())
                    && hasCondition(skill, "Ready", "True", "Synced");
        });
    }

    @RepeatedTest(10)
    void aDeletionDuringTheSkillIdWriteDeletesTheNewRemoteSkill() throws InterruptedException {
        String ns = uniqueNamespace("race-skill-id");
        create(configMap(ns, "files", true, files(NAME, "Races.", "v = 1\n")));

        duringHeldWrite(
                metadataWriteOf(ns, Constants.SKILL_ID_ANNOTATION),
                () -> create(newSkill(ns, NAME, "files")),
                bystander -> bystander
                        .resources(Skill.class)
                        .inNamespace(ns)
                        .withName(NAME)
                        .delete());

        await().atMost(SOON).until(() -> skill(ns, NAME).get() == null);
        assertThat(remoteSkillsOf(ns, NAME)).isEmpty();
    }

    @RepeatedTest(10)
    void aSpecEditDuringTheFinalizerAddIsSynced() throws InterruptedException {
        String ns = uniqueNamespace("race-finalizer");
        create(configMap(ns, "files", true, files(NAME, "Races.", "v = 1\n")));

        duringHeldWrite(
                metadataWriteOf(ns, Constants.FINALIZER),
                () -> create(newSkill(ns, NAME, "files")),
                bystander -> setMaxVersions(bystander, ns, 1));

        await().atMost(SOON).until(() -> {
            Skill skill = skill(ns, NAME).get();
            return skill.getStatus() != null
                    && Objects.equals(skill.getStatus().getObservedGeneration(), 2L)
                    && hasCondition(skill, "Ready", "True", "Synced");
        });
        assertThat(remoteSkillsOf(ns, NAME)).hasSize(1);
    }

    private RequestHolding cluster() {
        return SkillsyncTestEnvironment.requestHolding();
    }

    /** Holds the operator's first write that matches once trigger has set it off, lands change, then lets it go. */
    private void duringHeldWrite(Predicate<HttpCall> write, Runnable trigger, Consumer<KubernetesClient> change)
            throws InterruptedException {
        try (CallHold hold = cluster().hold(write)) {
            trigger.run();
            hold.awaitHeld(SOON);
            change.accept(cluster().bystander());
        }
    }

    private Skill syncedSkill(String ns) {
        create(configMap(ns, "files", true, files(NAME, "Races.", "v = 1\n")));
        create(newSkill(ns, NAME, "files"));
        return awaitSynced(ns, NAME);
    }

    private static void setMaxVersions(KubernetesClient client, String ns, int maxVersions) {
        client.resources(Skill.class).inNamespace(ns).withName(NAME).edit(s -> {
            s.getSpec().setRetention(new Retention(maxVersions));
            return s;
        });
    }

    private static String skillPath(String ns) {
        return "/apis/" + Constants.GROUP + "/" + Constants.VERSION + "/namespaces/" + ns + "/skills/" + NAME;
    }

    private static Predicate<HttpCall> statusWriteOf(String ns) {
        return request -> request.isPatchOf(skillPath(ns) + "/status");
    }

    /** A patch of the Skill itself (not its status) that names the given annotation or finalizer. */
    private static Predicate<HttpCall> metadataWriteOf(String ns, String key) {
        return request -> request.isPatchOf(skillPath(ns)) && request.body().contains(key);
    }
}
