package dev.skillsync.crash;

import static dev.skillsync.testing.SkillFixtures.asBytes;
import static dev.skillsync.testing.SkillFixtures.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.Constants;
import dev.skillsync.content.ContentHash;
import dev.skillsync.fake.FakeDialect;
import dev.skillsync.fake.FakeSkill;
import dev.skillsync.fake.FakeSkillsApi;
import dev.skillsync.fake.FakeVersion;
import dev.skillsync.local.MockServerLogging;
import dev.skillsync.local.OperatorProcess;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillStatus;
import dev.skillsync.resource.SkillVersionStatus;
import dev.skillsync.testing.EmbeddedKubernetes;
import dev.skillsync.testing.SkillFixtures;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packaged operator as a child process, killed with SIGKILL at a point of a sync and started again, against an
 * embedded Kubernetes API and the fake Skills API that the tests of a class share. Each test works in a namespace of
 * its own, and its operator watches only that namespace. Every class runs once in each wire dialect, the operator and
 * the fake speaking the same one.
 */
@ParameterizedClass(name = "{0} dialect")
@EnumSource(FakeDialect.class)
abstract class CrashTestSupport {

    /** Long enough for the operator's start (a JVM and Quarkus) and a sync on a busy machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Path LOGS = Path.of("target", "crash-operator-logs");

    static EmbeddedKubernetes kubernetes;
    static FakeSkillsApi api;

    /** The wire dialect of the operator and of the fake Skills API in this run of the class. */
    @Parameter
    FakeDialect dialect;

    /** The namespace of the running test; JUnit makes an instance per test. */
    String ns;

    private OperatorProcess operator;
    private Path operatorLog;
    private int starts;

    @BeforeAll
    static void startKubernetes() throws IOException {
        assertThat(OperatorProcess.JAR)
                .as("the packaged operator: these tests run after `mvn package`")
                .exists();
        MockServerLogging.quiet();
        Files.createDirectories(LOGS);
        kubernetes = EmbeddedKubernetes.start();
    }

    @BeforeParameterizedClassInvocation
    static void startSkillsApi(FakeDialect dialect) {
        api = FakeSkillsApi.start(dialect);
    }

    @AfterParameterizedClassInvocation
    static void stopSkillsApi() {
        if (api != null) {
            api.close();
            api = null;
        }
    }

    @AfterAll
    static void stopKubernetes() {
        if (kubernetes != null) {
            kubernetes.close();
        }
    }

    @AfterEach
    void stopOperator() throws InterruptedException {
        stopHolds();
        if (operator != null) {
            operator.close();
        }
    }

    /** A hold a failed test left armed must not catch a call of the next test. */
    void stopHolds() {
        api.dropHolds();
        kubernetes.dropHolds();
    }

    /** Starts the operator for this test's namespace, with a log of its own for each start. */
    void startOperator() throws IOException {
        operatorLog = LOGS.resolve(ns + "-" + (++starts) + ".log");
        operator = OperatorProcess.start(
                kubernetes.url(),
                api.baseUrl(),
                FakeSkillsApi.DEFAULT_KEY,
                0,
                operatorLog,
                Map.of("QUARKUS_OPERATOR_SDK_NAMESPACES", ns, "SKILLSYNC_API_DIALECT", dialect.settingValue()));
    }

    void killOperator() throws InterruptedException {
        operator.kill();
    }

    <T extends HasMetadata> T create(T object) {
        return kubernetes.client().resource(object).create();
    }

    Resource<Skill> skill(String name) {
        return kubernetes.client().resources(Skill.class).inNamespace(ns).withName(name);
    }

    /** A watched ConfigMap "files" with the skill's files, and a Skill of it with the default title. */
    Skill createConfigMapSkill(
            String name, Map<String, String> files, int maxVersions, Map<String, String> annotations) {
        create(SkillFixtures.configMap(ns, "files", true, files));
        Skill skill = SkillFixtures.newSkill(ns, name, "files");
        skill.getSpec().getRetention().setMaxVersions(maxVersions);
        skill.getMetadata().setAnnotations(annotations);
        return create(skill);
    }

    void replaceFiles(Map<String, String> files) {
        kubernetes.client().configMaps().inNamespace(ns).withName("files").edit(cm -> {
            cm.setData(files);
            return cm;
        });
    }

    /** The title the operator gives the Skill's remote skill by default. */
    String title(String name) {
        return ns + "/" + name;
    }

    /** The remote skills titled as this Skill: more than one is a duplicate. */
    List<FakeSkill> remoteSkillsOf(String name) {
        return api.skills().stream()
                .filter(s -> title(name).equals(s.displayTitle()))
                .toList();
    }

    /** A remote skill made outside the operator with one version of each content, in order, titled as the Skill. */
    FakeSkill remoteSkillWithVersions(String name, String directory, List<Map<String, String>> contents) {
        FakeSkill skill = api.createSkillOutOfBand(title(name), under(directory, asBytes(contents.get(0))));
        contents.subList(1, contents.size())
                .forEach(files -> api.createVersionOutOfBand(skill.id(), under(directory, asBytes(files))));
        return api.skill(skill.id()).orElseThrow();
    }

    /** The version IDs of a remote skill, newest first, as status lists them. */
    List<String> remoteVersionsNewestFirst(String skillId) {
        List<String> versions = new ArrayList<>(
                api.versions(skillId).stream().map(FakeVersion::version).toList());
        Collections.reverse(versions);
        return versions;
    }

    /** Waits until the Skill satisfies the condition; on timeout fails with what the Skill shows instead. */
    Skill awaitSkill(String name, String what, Predicate<Skill> condition) {
        try {
            await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                Skill skill = skill(name).get();
                return skill != null && condition.test(skill);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Skill " + ns + "/" + name + ": " + what + " did not happen within "
                            + TIMEOUT.toSeconds() + "s. The Skill now: "
                            + describe(skill(name).get())
                            + ". Operator log: " + operatorLog,
                    e);
        }
        return skill(name).get();
    }

    void awaitGone(String name) {
        try {
            await("Skill deleted")
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> skill(name).get() == null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Skill " + ns + "/" + name + " still exists " + TIMEOUT.toSeconds() + "s after its deletion: "
                            + describe(skill(name).get()) + ". Operator log: " + operatorLog,
                    e);
        }
    }

    static boolean isSynced(Skill skill) {
        return skill.getStatus() != null
                && skill.getStatus()
                        .condition("Ready")
                        .filter(c -> "True".equals(c.getStatus()) && "Synced".equals(c.getReason()))
                        .isPresent();
    }

    static String contentHash(String directory, Map<String, String> files) {
        return ContentHash.of(under(directory, asBytes(files)));
    }

    /**
     * Waits until the Skill is Ready=True Synced with the content, then checks everything a user would: one remote
     * skill, no two versions of one content, no more versions than the retention keeps, and a status that tells the
     * remote skill as it is.
     *
     * @return the remote skill
     */
    FakeSkill assertConverged(String name, String directory, Map<String, String> files, int maxVersions) {
        String hash = contentHash(directory, files);
        Skill skill = awaitSkill(
                name,
                "Ready=True Synced with content " + hash,
                s -> isSynced(s)
                        && hash.equals(s.getStatus().getContentHash())
                        && s.getMetadata().getGeneration().equals(s.getStatus().getObservedGeneration()));
        List<FakeSkill> remote = remoteSkillsOf(name);
        assertThat(remote)
                .as("remote skills titled %s (one, no duplicate)", title(name))
                .hasSize(1);
        FakeSkill only = remote.get(0);
        List<FakeVersion> versions = api.versions(only.id());
        assertThat(versions)
                .as("contents of the remote versions (no version uploaded twice)")
                .extracting(v -> ContentHash.of(v.files()))
                .doesNotHaveDuplicates();
        assertThat(versions)
                .as("remote versions, with retention.maxVersions %d", maxVersions)
                .hasSizeLessThanOrEqualTo(maxVersions);
        SortedMap<String, byte[]> latestFiles = versions.stream()
                .filter(v -> v.version().equals(only.latestVersion()))
                .findFirst()
                .orElseThrow()
                .files();
        assertThat(ContentHash.of(latestFiles))
                .as("content of the remote latest version")
                .isEqualTo(hash);
        SkillStatus status = skill.getStatus();
        assertThat(status.getSkillId()).as("status.skillId").isEqualTo(only.id());
        assertThat(skill.getMetadata().getAnnotations())
                .as("annotations")
                .containsEntry(Constants.SKILL_ID_ANNOTATION, only.id());
        assertThat(status.getLatestVersion()).as("status.latestVersion").isEqualTo(only.latestVersion());
        assertThat(status.getVersions())
                .as("status.versions: the remote versions, newest first")
                .extracting(SkillVersionStatus::getVersion)
                .containsExactlyElementsOf(remoteVersionsNewestFirst(only.id()));
        assertThat(status.getPendingCreate()).as("status.pendingCreate").isNull();
        return only;
    }

    private static String describe(Skill skill) {
        if (skill == null) {
            return "gone";
        }
        SkillStatus status = skill.getStatus();
        String conditions = status == null || status.getConditions() == null
                ? "none"
                : status.getConditions().stream()
                        .map(CrashTestSupport::describe)
                        .collect(Collectors.joining("; "));
        return "conditions [" + conditions + "], skillId " + (status == null ? null : status.getSkillId())
                + ", latestVersion " + (status == null ? null : status.getLatestVersion())
                + ", contentHash " + (status == null ? null : status.getContentHash())
                + ", pendingCreate " + (status == null ? null : status.getPendingCreate())
                + ", generation " + skill.getMetadata().getGeneration()
                + ", observedGeneration " + (status == null ? null : status.getObservedGeneration())
                + ", annotations " + skill.getMetadata().getAnnotations()
                + ", deletionTimestamp " + skill.getMetadata().getDeletionTimestamp()
                + ", finalizers " + skill.getMetadata().getFinalizers();
    }

    private static String describe(Condition condition) {
        return condition.getType() + "=" + condition.getStatus() + " " + condition.getReason() + ": "
                + condition.getMessage();
    }
}
