package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.skillMd;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.Constants;
import dev.skillsync.fake.FakeDialect;
import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.fake.RecordedCall;
import dev.skillsync.resource.KeyToPath;
import dev.skillsync.resource.Retention;
import dev.skillsync.resource.SecretKeySelector;
import dev.skillsync.resource.Skill;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class SkillSyncScenarioTest extends ScenarioSupport {

    @Test
    void firstSyncCreatesTheRemoteSkillAndRecordsItsIdentity() {
        String ns = uniqueNamespace("first");
        create(configMap(ns, "pdf-files", true, files("pdf-tools", "Extracts text from PDFs.", "print('hi')\n")));
        create(newSkill(ns, "pdf-tools", "pdf-files"));

        Skill synced = awaitSynced(ns, "pdf-tools");

        String skillId = synced.getStatus().getSkillId();
        assertThat(skillId).isNotBlank();
        assertThat(synced.getMetadata().getAnnotations()).containsEntry(Constants.SKILL_ID_ANNOTATION, skillId);
        assertThat(synced.getMetadata().getFinalizers()).contains(Constants.FINALIZER);
        assertThat(synced.getStatus().getLatestVersion()).isNotBlank();
        assertThat(synced.getStatus().getContentHash()).matches("sha256:[0-9a-f]{64}");
        assertThat(synced.getStatus().getObservedGeneration())
                .isEqualTo(synced.getMetadata().getGeneration());
        assertThat(synced.getStatus().getVersions()).hasSize(1);
        assertThat(synced.getStatus().getVersions().get(0).getVersion())
                .isEqualTo(synced.getStatus().getLatestVersion());
        assertThat(synced.getStatus().getSourceRevision()).isNotBlank();
        assertThat(synced.getStatus().getPendingCreate()).isNull();
        assertThat(condition(synced, "Stalled"))
                .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));

        var remote = api().skill(skillId).orElseThrow();
        assertThat(remote.displayTitle()).isEqualTo(ns + "/pdf-tools");
        var versions = api().versions(skillId);
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).files()).containsOnlyKeys("pdf-tools/SKILL.md", "pdf-tools/run.py");
        assertThat(new String(versions.get(0).files().get("pdf-tools/run.py"), StandardCharsets.UTF_8))
                .isEqualTo("print('hi')\n");
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "pdf-tools", "Normal", "SkillCreated"));
        // The operator speaks the fake's dialect: under GA only a download asks for the beta shapes.
        assertThat(api().calls())
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.betaHeader())
                        .as("%s asks for the beta shapes", call)
                        .isEqualTo(api().dialect() == FakeDialect.BETA
                                || call.path().endsWith("/content")));
    }

    @Test
    void aWorkspaceIdInTheSkillsSecretTravelsWithItsKeyAndAWrongOneIsRefused() {
        String ns = uniqueNamespace("workspace");
        String key = "sk-ant-workspace-" + ns;
        api().acceptKey(key);
        api().allowWorkspace(key, "wrkspc_team_a");
        create(configMap(ns, "files", true, files("spaced", "In a workspace.", "pass\n")));
        k8s().secrets()
                .inNamespace(ns)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("team-a-key")
                        .endMetadata()
                        .addToStringData("api-key", key)
                        .addToStringData("workspace-id", "wrkspc_team_a\n")
                        .build())
                .create();
        k8s().secrets()
                .inNamespace(ns)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("wrong-workspace")
                        .endMetadata()
                        .addToStringData("api-key", key)
                        .addToStringData("workspace-id", "wrkspc_other")
                        .build())
                .create();
        Skill skill = newSkill(ns, "spaced", "files");
        skill.getSpec().setApiKeySecretRef(new SecretKeySelector("team-a-key", "api-key"));
        create(skill);
        Skill elsewhere = newSkill(ns, "elsewhere", "files");
        elsewhere.getSpec().setApiKeySecretRef(new SecretKeySelector("wrong-workspace", "api-key"));
        create(elsewhere);

        awaitSynced(ns, "spaced");
        Skill refused = awaitReady(ns, "elsewhere", "False", "AuthenticationFailed");

        assertThat(api().calls())
                .filteredOn(call -> call.hasApiKey(key))
                .extracting(RecordedCall::workspaceId)
                .isNotEmpty()
                .containsOnly("wrkspc_team_a", "wrkspc_other")
                .contains("wrkspc_team_a");
        assertThat(api().calls())
                .filteredOn(call -> call.hasApiKey(FakeSkillsApi.DEFAULT_KEY))
                .extracting(RecordedCall::workspaceId)
                .containsOnlyNulls();
        assertThat(remoteSkillsOf(ns, "elsewhere")).isEmpty();
        assertThat(condition(refused, "Ready").orElseThrow().getMessage()).doesNotContain("wrkspc_other");
    }

    @Test
    void itemsMapKeysToNestedPathsAndBinaryDataIsUploaded() {
        String ns = uniqueNamespace("items");
        ConfigMap cm = configMap(
                ns, "files", true, Map.of("skill", skillMd("nested", "Nested files."), "extract.py", "import sys\n"));
        cm.setBinaryData(Map.of(
                "logo.png", java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0})));
        create(cm);
        create(newSkill(
                ns,
                "nested",
                "files",
                List.of(
                        new KeyToPath("skill", "SKILL.md"),
                        new KeyToPath("extract.py", "scripts/extract.py"),
                        new KeyToPath("logo.png", "assets/logo.png"))));

        Skill synced = awaitSynced(ns, "nested");

        var files = api().versions(synced.getStatus().getSkillId()).get(0).files();
        assertThat(files).containsOnlyKeys("nested/SKILL.md", "nested/scripts/extract.py", "nested/assets/logo.png");
        assertThat(files.get("nested/assets/logo.png")).containsExactly((byte) 0x89, 'P', 'N', 'G', 0);
    }

    @Test
    void aContentChangeCreatesOneVersionAndAMetadataChangeCreatesNothing() {
        String ns = uniqueNamespace("change");
        create(configMap(ns, "files", true, files("changer", "Changes.", "v = 1\n")));
        create(newSkill(ns, "changer", "files"));
        Skill first = awaitSynced(ns, "changer");
        String skillId = first.getStatus().getSkillId();

        putFile(ns, "files", "run.py", "v = 2\n");
        await().atMost(TIMEOUT)
                .until(() -> !first.getStatus()
                        .getLatestVersion()
                        .equals(skill(ns, "changer").get().getStatus().getLatestVersion()));
        Skill second = awaitSynced(ns, "changer");
        assertThat(api().versions(skillId)).hasSize(2);
        assertThat(second.getStatus().getContentHash())
                .isNotEqualTo(first.getStatus().getContentHash());
        assertThat(second.getStatus().getVersions())
                .extracting(v -> v.getVersion())
                .containsExactly(
                        second.getStatus().getLatestVersion(), first.getStatus().getLatestVersion());
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "changer", "Normal", "VersionCreated"));

        long writesBefore = writeCallsFor(skillId);
        k8s().configMaps().inNamespace(ns).withName("files").edit(cm -> {
            cm.getMetadata().getAnnotations().put("team", "a");
            return cm;
        });
        String revision = k8s().configMaps()
                .inNamespace(ns)
                .withName("files")
                .get()
                .getMetadata()
                .getResourceVersion();
        await().atMost(TIMEOUT)
                .until(() ->
                        revision.equals(skill(ns, "changer").get().getStatus().getSourceRevision()));
        assertThat(api().versions(skillId)).hasSize(2);
        assertThat(writeCallsFor(skillId)).isEqualTo(writesBefore);
    }

    @Test
    void aContentChangeCostsTheUploadAndOneDeletePerVersionPrunedAndNoRead() {
        String ns = uniqueNamespace("one-call");
        create(configMap(ns, "files", true, files("frugal", "Calls little.", "v = 1\n")));
        Skill skill = newSkill(ns, "frugal", "files");
        skill.getSpec().setRetention(new Retention(2));
        create(skill);
        Skill first = awaitSynced(ns, "frugal");
        String skillId = first.getStatus().getSkillId();

        List<RecordedCall> secondCalls = callsOfChange(ns, "frugal", skillId, "v = 2\n");
        assertThat(secondCalls)
                .as("calls for the second version")
                .extracting(RecordedCall::method)
                .containsExactly("POST");

        Skill second = skill(ns, "frugal").get();
        List<RecordedCall> thirdCalls = callsOfChange(ns, "frugal", skillId, "v = 3\n");
        assertThat(thirdCalls)
                .as("calls for the third version: its upload, and the delete of the first")
                .extracting(RecordedCall::method)
                .containsExactly("POST", "DELETE");
        assertThat(thirdCalls.get(1).path()).endsWith("/" + first.getStatus().getLatestVersion());
        Skill third = awaitSynced(ns, "frugal");
        assertThat(third.getStatus().getVersions())
                .extracting(v -> v.getVersion())
                .containsExactly(
                        third.getStatus().getLatestVersion(), second.getStatus().getLatestVersion());
        assertThat(api().versions(skillId))
                .extracting(v -> v.version())
                .containsExactlyInAnyOrder(
                        third.getStatus().getLatestVersion(), second.getStatus().getLatestVersion());
    }

    @Test
    void aRequestedDriftCheckReadsTheRemoteSkillOnce() {
        String ns = uniqueNamespace("drift-check");
        create(configMap(ns, "files", true, files("checked", "Checked.", "v = 1\n")));
        create(newSkill(ns, "checked", "files"));
        String skillId = awaitSynced(ns, "checked").getStatus().getSkillId();
        int before = api().calls().size();

        requestReconcile(ns, "checked", "check-1");
        await().atMost(TIMEOUT)
                .until(() ->
                        "check-1".equals(skill(ns, "checked").get().getStatus().getLastHandledReconcileAt()));

        List<RecordedCall> all = api().calls();
        List<RecordedCall> calls = all.subList(before, all.size());
        assertThat(calls)
                .as("calls of the drift check")
                .hasSize(1)
                .allSatisfy(call -> assertThat(call.isRead()).isTrue())
                .allSatisfy(call -> assertThat(call.path()).contains(skillId));
    }

    @Test
    void aDriftCheckFallingDueAtTheIntervalReadsTheRemoteSkillOnce() {
        String ns = uniqueNamespace("drift-due");
        create(configMap(ns, "files", true, files("due", "Checked at its interval.", "v = 1\n")));
        Skill skill = newSkill(ns, "due", "files");
        skill.getSpec().setInterval("2s");
        create(skill);
        Skill synced = awaitSynced(ns, "due");
        String skillId = synced.getStatus().getSkillId();
        String syncedAt = synced.getStatus().getLastSyncedAt();
        int before = api().calls().size();

        await().atMost(TIMEOUT)
                .until(() -> !syncedAt.equals(skill(ns, "due").get().getStatus().getLastSyncedAt()));

        List<RecordedCall> all = api().calls();
        List<RecordedCall> calls = all.subList(before, all.size()).stream()
                .filter(call -> call.path().contains(skillId))
                .toList();
        assertThat(calls)
                .as("calls of the drift check")
                .hasSize(1)
                .allSatisfy(call -> assertThat(call.isRead()).isTrue());
    }

    /** Puts new content in the Skill's ConfigMap; returns the Skills API calls until status shows its new version. */
    private List<RecordedCall> callsOfChange(String ns, String name, String skillId, String content) {
        String latest = skill(ns, name).get().getStatus().getLatestVersion();
        int before = api().calls().size();
        putFile(ns, "files", "run.py", content);
        await().atMost(TIMEOUT).until(() -> {
            Skill skill = skill(ns, name).get();
            return !latest.equals(skill.getStatus().getLatestVersion())
                    && hasCondition(skill, "Reconciling", "False", "Synced");
        });
        List<RecordedCall> all = api().calls();
        return all.subList(before, all.size()).stream()
                .filter(call -> call.path().contains(skillId))
                .toList();
    }

    @Test
    void reconcilingIsTrueWhileAVersionUploads() {
        String ns = uniqueNamespace("uploading");
        create(configMap(ns, "files", true, files("slow", "Slow.", "v = 1\n")));
        create(newSkill(ns, "slow", "files"));
        awaitSynced(ns, "slow");

        api().setLatency(Duration.ofSeconds(2));
        try {
            putFile(ns, "files", "run.py", "v = 2\n");
            await().atMost(TIMEOUT)
                    .until(() -> hasCondition(skill(ns, "slow").get(), "Reconciling", "True", "Progressing"));
            assertThat(hasCondition(skill(ns, "slow").get(), "Ready", "True", "Synced"))
                    .isTrue();
        } finally {
            api().setLatency(Duration.ZERO);
        }
        await().atMost(TIMEOUT)
                .until(() -> hasCondition(skill(ns, "slow").get(), "Reconciling", "False", "Synced")
                        && hasCondition(skill(ns, "slow").get(), "Ready", "True", "Synced"));
    }

    @Test
    void inSteadyStateTheOperatorMakesNoCallsToTheSkillsApi() {
        String ns = uniqueNamespace("steady");
        create(configMap(ns, "files", true, files("steady", "Stays put.", "pass\n")));
        create(newSkill(ns, "steady", "files"));
        String skillId = awaitSynced(ns, "steady").getStatus().getSkillId();
        String resourceVersion = skill(ns, "steady").get().getMetadata().getResourceVersion();
        long callsBefore = callsFor(skillId);

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> callsFor(skillId) == callsBefore);
        assertThat(skill(ns, "steady").get().getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
    }

    @Test
    void retentionPrunesOldVersionsButNeverTheLatest() {
        String ns = uniqueNamespace("prune");
        create(configMap(ns, "files", true, files("pruned", "Pruned.", "n = 0\n")));
        Skill skill = newSkill(ns, "pruned", "files");
        skill.getSpec().setRetention(new Retention(2));
        create(skill);
        String skillId = awaitSynced(ns, "pruned").getStatus().getSkillId();

        for (int n = 1; n <= 3; n++) {
            String content = "n = " + n + "\n";
            putFile(ns, "files", "run.py", content);
            await().atMost(TIMEOUT)
                    .until(() -> api().versions(skillId).stream()
                            .anyMatch(v -> content.equals(
                                    new String(v.files().get("pruned/run.py"), StandardCharsets.UTF_8))));
        }

        await().atMost(TIMEOUT).until(() -> api().versions(skillId).size() == 2);
        Skill synced = awaitSynced(ns, "pruned");
        var remote = api().versions(skillId);
        assertThat(remote.get(remote.size() - 1).version())
                .isEqualTo(synced.getStatus().getLatestVersion());
        assertThat(synced.getStatus().getVersions()).hasSize(2);
        assertThat(synced.getStatus().getVersions().get(0).getVersion())
                .isEqualTo(api().skill(skillId).orElseThrow().latestVersion());
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "pruned", "Normal", "VersionsPruned"));
    }

    @Test
    void anUnlabelledConfigMapIsReReadAtTheInterval() {
        String ns = uniqueNamespace("unlabelled");
        create(configMap(ns, "files", false, files("polled", "Polled.", "x = 1\n")));
        Skill skill = newSkill(ns, "polled", "files");
        skill.getSpec().setInterval("2s");
        create(skill);
        Skill synced = awaitSynced(ns, "polled");
        assertThat(condition(synced, "Ready").orElseThrow().getMessage())
                .contains("not labelled skillsync.dev/source=\"true\"");
        String skillId = synced.getStatus().getSkillId();

        putFile(ns, "files", "run.py", "x = 2\n");

        await().atMost(TIMEOUT).until(() -> api().versions(skillId).size() == 2);
        skill(ns, "polled").delete();
    }

    @Test
    void suspendMakesNoCallsAndSaysSo() {
        String ns = uniqueNamespace("suspend");
        create(configMap(ns, "files", true, files("paused", "Paused.", "pass\n")));
        Skill skill = newSkill(ns, "paused", "files");
        skill.getSpec().setSuspend(true);
        create(skill);

        Skill suspended = awaitReady(ns, "paused", "False", "Suspended");
        assertThat(suspended.getStatus().getSkillId()).isNull();
        assertThat(remoteSkillsOf(ns, "paused")).isEmpty();

        skill(ns, "paused").edit(s -> {
            s.getSpec().setSuspend(false);
            return s;
        });
        String skillId = awaitSynced(ns, "paused").getStatus().getSkillId();
        assertThat(api().skill(skillId))
                .hasValueSatisfying(s -> assertThat(s.displayTitle()).isEqualTo(ns + "/paused"));
    }
}
