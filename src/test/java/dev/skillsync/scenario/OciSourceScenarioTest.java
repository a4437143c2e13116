package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.asBytes;
import static dev.skillsync.testing.SkillFixtures.asText;
import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.skillMd;
import static dev.skillsync.testing.SkillFixtures.under;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.config.SkillsyncConfig;
import dev.skillsync.content.ContentHash;
import dev.skillsync.fake.FakeVersion;
import dev.skillsync.oci.RegistryServer;
import dev.skillsync.oci.TarBuilder;
import dev.skillsync.oci.TestLayer;
import dev.skillsync.resource.LocalObjectReference;
import dev.skillsync.resource.OciRef;
import dev.skillsync.resource.OciSource;
import dev.skillsync.resource.Skill;
import dev.skillsync.resource.SkillSource;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import dev.skillsync.testing.TestTier;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skills whose files come from OCI artifacts in real registries ({@code docker-registry}): pushed in the layouts ORAS
 * and Flux produce, then synced by the operator end to end, including the failures a user has to act on.
 */
@QuarkusTest
@QuarkusTestResource(SkillsyncTestEnvironment.class)
@Tag(TestTier.EXTERNAL_TOOLS_TAG)
class OciSourceScenarioTest extends ScenarioSupport {

    private static final String USER = "skills-reader";
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String WRONG_PASSWORD = "wrong-password-42";
    /** Every test pushes to a repository of its own. */
    private static final AtomicInteger REPOSITORIES = new AtomicInteger();

    @TempDir
    static Path directory;
    /** Plain HTTP, no authentication. */
    static RegistryServer registry;
    /** HTTPS with a private CA, htpasswd Basic authentication. */
    static RegistryServer securedRegistry;

    @Inject
    SkillsyncConfig config;

    /** The namespace of the running test (JUnit makes an instance per test). */
    private String ns;

    @BeforeAll
    static void startRegistries() throws IOException {
        registry = RegistryServer.plainHttp(Files.createDirectory(directory.resolve("plain")));
        securedRegistry =
                RegistryServer.tlsWithBasicAuth(Files.createDirectory(directory.resolve("secured")), USER, PASSWORD);
    }

    @AfterAll
    static void stopRegistries() {
        // Null when startRegistries was skipped for a missing program.
        if (registry != null) {
            registry.close();
        }
        if (securedRegistry != null) {
            securedRegistry.close();
        }
    }

    @Test
    void firstSyncFromAnOrasArtifactUploadsItsFilesUnderTheSkillsName() throws IOException {
        ns = uniqueNamespace("oci-first");
        String repository = newRepository();
        SortedMap<String, byte[]> files = asBytes(Map.of(
                "SKILL.md", skillMd("oci-first", "Reads PDFs."),
                "scripts/extract.py", "import sys\n",
                "reference/forms.md", "# Forms\n"));
        String digest = registry.pusher().pushArtifact(repository, "1.0.0", orasFiles(files));
        create(ociSkill("oci-first", insecureSource(repository, tag("1.0.0"))));

        Skill synced = awaitSynced(ns, "oci-first");

        assertThat(synced.getStatus().getSourceRevision()).isEqualTo("1.0.0@" + digest);
        assertThat(synced.getStatus().getContentHash()).isEqualTo(ContentHash.of(under("oci-first", files)));
        assertThat(hasCondition(synced, "Stalled", "False", "Synced")).isTrue();
        List<FakeVersion> versions = api().versions(synced.getStatus().getSkillId());
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).version()).isEqualTo(synced.getStatus().getLatestVersion());
        assertThat(asText(versions.get(0).files())).isEqualTo(asText(under("oci-first", files)));
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "oci-first", "Normal", "SkillCreated"));
    }

    @Test
    void theSameFilesHashAlikeFromAnOrasArtifactAFluxArtifactAndAConfigMap() throws IOException {
        ns = uniqueNamespace("oci-hash");
        Map<String, String> data = files("same-files", "The same files everywhere.", "print('same')\n");
        String orasRepository = newRepository();
        String fluxRepository = newRepository();
        registry.pusher().pushArtifact(orasRepository, "1.0.0", orasFiles(asBytes(data)));
        registry.pusher().pushArtifact(fluxRepository, "1.0.0", List.of(TestLayer.fluxArchive(asBytes(data))));
        create(configMap(ns, "files", true, data));
        create(ociSkill("from-oras", insecureSource(orasRepository, tag("1.0.0"))));
        create(ociSkill("from-flux", insecureSource(fluxRepository, tag("1.0.0"))));
        create(newSkill(ns, "from-configmap", "files"));

        String fromConfigMap = awaitSynced(ns, "from-configmap").getStatus().getContentHash();

        assertThat(awaitSynced(ns, "from-oras").getStatus().getContentHash()).isEqualTo(fromConfigMap);
        assertThat(awaitSynced(ns, "from-flux").getStatus().getContentHash()).isEqualTo(fromConfigMap);
    }

    @Test
    void aSkillMovedFromAConfigMapToAnArtifactOfTheSameFilesCreatesNoVersion() throws IOException {
        ns = uniqueNamespace("oci-move");
        Map<String, String> data = files("moving", "Moves to a registry.", "print('moved')\n");
        create(configMap(ns, "files", true, data));
        create(newSkill(ns, "moving", "files"));
        Skill before = awaitSynced(ns, "moving");
        String skillId = before.getStatus().getSkillId();
        String repository = newRepository();
        String digest =
                registry.pusher().pushArtifact(repository, "1.0.0", List.of(TestLayer.fluxArchive(asBytes(data))));

        skill(ns, "moving").edit(s -> {
            s.getSpec().setSource(source(insecureSource(repository, tag("1.0.0"))));
            return s;
        });

        await().atMost(TIMEOUT)
                .until(() -> ("1.0.0@" + digest)
                        .equals(skill(ns, "moving").get().getStatus().getSourceRevision()));
        Skill after = awaitSynced(ns, "moving");
        assertThat(after.getStatus().getObservedGeneration())
                .isEqualTo(after.getMetadata().getGeneration())
                .isGreaterThan(before.getStatus().getObservedGeneration());
        assertThat(after.getStatus().getSkillId()).isEqualTo(skillId);
        assertThat(after.getStatus().getContentHash())
                .isEqualTo(before.getStatus().getContentHash());
        assertThat(after.getStatus().getLatestVersion())
                .isEqualTo(before.getStatus().getLatestVersion());
        assertThat(api().versions(skillId)).hasSize(1);
    }

    @Test
    void newFilesUnderTheTagBecomeANewVersionAtTheIntervalAndARepushOfTheSameFilesDoesNot() throws IOException {
        ns = uniqueNamespace("oci-tag");
        String repository = newRepository();
        Map<String, String> second = files("tagged", "Follows a tag.", "v = 2\n");
        registry.pusher()
                .pushArtifact(
                        repository,
                        "stable",
                        List.of(TestLayer.fluxArchive(asBytes(files("tagged", "Follows a tag.", "v = 1\n")))));
        Skill skill = ociSkill("tagged", insecureSource(repository, tag("stable")));
        skill.getSpec().setInterval("2s");
        create(skill);
        String skillId = awaitSynced(ns, "tagged").getStatus().getSkillId();

        String secondDigest =
                registry.pusher().pushArtifact(repository, "stable", List.of(TestLayer.fluxArchive(asBytes(second))));

        await().atMost(TIMEOUT).until(() -> api().versions(skillId).size() == 2);
        assertThat(asText(api().versions(skillId).get(1).files())).isEqualTo(asText(under("tagged", asBytes(second))));
        await().atMost(TIMEOUT)
                .until(() -> ("stable@" + secondDigest)
                        .equals(skill(ns, "tagged").get().getStatus().getSourceRevision()));
        Skill updated = awaitSynced(ns, "tagged");
        assertThat(updated.getStatus().getLatestVersion())
                .isEqualTo(api().versions(skillId).get(1).version());
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "tagged", "Normal", "VersionCreated"));

        String repushedDigest = registry.pusher()
                .pushArtifact(
                        repository,
                        "stable",
                        List.of(TestLayer.fluxArchive(asBytes(second))),
                        Map.of("org.opencontainers.image.created", "2026-01-02T03:04:05Z"));

        assertThat(repushedDigest).isNotEqualTo(secondDigest);
        await().atMost(TIMEOUT)
                .until(() -> ("stable@" + repushedDigest)
                        .equals(skill(ns, "tagged").get().getStatus().getSourceRevision()));
        Skill repushed = awaitSynced(ns, "tagged");
        assertThat(api().versions(skillId)).hasSize(2);
        assertThat(repushed.getStatus().getLatestVersion())
                .isEqualTo(updated.getStatus().getLatestVersion());
        assertThat(repushed.getStatus().getContentHash())
                .isEqualTo(updated.getStatus().getContentHash());
        skill(ns, "tagged").delete();
    }

    @Test
    void aDigestPinStaysOnItsArtifactWhenTheTagMoves() throws IOException {
        ns = uniqueNamespace("oci-pin");
        String repository = newRepository();
        Map<String, String> pinnedFiles = files("pinned", "Pinned by digest.", "v = 1\n");
        String pinned = registry.pusher().pushArtifact(repository, "stable", orasFiles(asBytes(pinnedFiles)));
        create(ociSkill("pinned", insecureSource(repository, new OciRef(null, pinned))));
        Skill synced = awaitSynced(ns, "pinned");
        assertThat(synced.getStatus().getSourceRevision()).isEqualTo(pinned);
        String skillId = synced.getStatus().getSkillId();

        registry.pusher()
                .pushArtifact(
                        repository, "stable", orasFiles(asBytes(files("pinned", "Pinned by digest.", "v = 2\n"))));
        requestReconcile(ns, "pinned", "2026-03-01T10:00:00Z");

        await().atMost(TIMEOUT)
                .until(() -> "2026-03-01T10:00:00Z"
                        .equals(skill(ns, "pinned").get().getStatus().getLastHandledReconcileAt()));
        Skill after = skill(ns, "pinned").get();
        assertThat(after.getStatus().getSourceRevision()).isEqualTo(pinned);
        assertThat(after.getStatus().getContentHash())
                .isEqualTo(synced.getStatus().getContentHash());
        assertThat(hasCondition(after, "Ready", "True", "Synced")).isTrue();
        assertThat(api().versions(skillId)).hasSize(1);
        assertThat(asText(api().versions(skillId).get(0).files()))
                .isEqualTo(asText(under("pinned", asBytes(pinnedFiles))));
    }

    @Test
    void wrongRegistryCredentialsFailAuthenticationUntilTheSecretIsFixed() throws IOException {
        ns = uniqueNamespace("oci-auth");
        String repository = newRepository();
        securedRegistry
                .pusher()
                .pushArtifact(
                        repository, "1.0.0", orasFiles(asBytes(files("guarded", "Behind a password.", "pass\n"))));
        k8s().secrets()
                .inNamespace(ns)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("registry-ca")
                        .endMetadata()
                        .addToData("ca.crt", base64(securedRegistry.caCertificatePem()))
                        .build())
                .create();
        storeCredentials(PASSWORD);
        OciSource source = new OciSource();
        source.setUrl(securedRegistry.url(repository));
        source.setRef(tag("1.0.0"));
        source.setSecretRef(new LocalObjectReference("registry-credentials"));
        source.setCertSecretRef(new LocalObjectReference("registry-ca"));
        create(ociSkill("guarded", source));
        String skillId = awaitSynced(ns, "guarded").getStatus().getSkillId();
        long writesBefore = writeCallsFor(skillId);

        storeCredentials(WRONG_PASSWORD);
        requestReconcile(ns, "guarded", "2026-03-02T10:00:00Z");

        Skill failing = awaitReady(ns, "guarded", "False", "AuthenticationFailed");
        assertThat(condition(failing, "Ready").orElseThrow().getMessage())
                .contains(
                        "registry "
                                + securedRegistry.host() + " denied access to tag 1.0.0 in " + securedRegistry.host()
                                + "/" + repository
                                + ": HTTP 401 (UNAUTHORIZED: authentication required)",
                        "credentials from Secret " + ns + "/registry-credentials");
        assertThat(hasCondition(failing, "Stalled", "False", "AuthenticationFailed"))
                .isTrue();
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, "guarded", "Warning", "AuthenticationFailed"));
        assertThat(api().versions(skillId)).hasSize(1);
        assertThat(writeCallsFor(skillId)).isEqualTo(writesBefore);
        String everything = k8s().getKubernetesSerialization().asJson(failing)
                + k8s().getKubernetesSerialization().asJson(events(ns, "guarded"));
        assertThat(everything).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);

        storeCredentials(PASSWORD);
        requestReconcile(ns, "guarded", "2026-03-02T10:05:00Z");

        await().atMost(TIMEOUT).until(() -> {
            Skill s = skill(ns, "guarded").get();
            return hasCondition(s, "Ready", "True", "Synced")
                    && "2026-03-02T10:05:00Z".equals(s.getStatus().getLastHandledReconcileAt());
        });
        assertThat(api().versions(skillId)).hasSize(1);
    }

    @Test
    void aMissingTagIsSourceNotFoundUntilItIsPushed() throws IOException {
        ns = uniqueNamespace("oci-notag");
        String repository = newRepository();
        SortedMap<String, byte[]> files = asBytes(files("awaited", "Arrives with 2.0.0.", "pass\n"));
        registry.pusher().pushArtifact(repository, "1.0.0", orasFiles(files));
        create(ociSkill("awaited", insecureSource(repository, tag("2.0.0"))));

        Skill waiting = awaitReady(ns, "awaited", "False", "SourceNotFound");

        assertThat(condition(waiting, "Ready").orElseThrow().getMessage())
                .contains("tag 2.0.0 not found in " + registry.host() + "/" + repository
                        + ": HTTP 404 (MANIFEST_UNKNOWN: manifest unknown)");
        assertThat(hasCondition(waiting, "Stalled", "False", "SourceNotFound")).isTrue();
        assertThat(waiting.getStatus().getSkillId()).isNull();
        assertThat(remoteSkillsOf(ns, "awaited")).isEmpty();

        String digest = registry.pusher().pushArtifact(repository, "2.0.0", orasFiles(files));
        assertThat(awaitSynced(ns, "awaited").getStatus().getSourceRevision()).isEqualTo("2.0.0@" + digest);
    }

    @Test
    void aTarWithAPathOutOfItsDirectoryStallsAsInvalidContent() throws IOException {
        ns = uniqueNamespace("oci-dotdot");
        byte[] skillMd = skillMd("escaping", "Climbs out.").getBytes(StandardCharsets.UTF_8);
        byte[] layer = TarBuilder.gzip(new TarBuilder()
                .file("SKILL.md", skillMd)
                .file("../evil.sh", "rm -rf ~\n".getBytes(StandardCharsets.UTF_8))
                .build());

        pushAndExpectInvalidContent(
                "escaping",
                List.of(TestLayer.fluxArchive(layer)),
                "layer " + sha256(layer) + " has the path ../evil.sh, which leaves its directory with ..");
    }

    @Test
    void aTarWithASymbolicLinkStallsAsInvalidContent() throws IOException {
        ns = uniqueNamespace("oci-symlink");
        byte[] skillMd = skillMd("linking", "Links out.").getBytes(StandardCharsets.UTF_8);
        byte[] layer = TarBuilder.gzip(new TarBuilder()
                .file("SKILL.md", skillMd)
                .symlink("secrets", "/etc/shadow")
                .build());

        pushAndExpectInvalidContent(
                "linking",
                List.of(TestLayer.fluxArchive(layer)),
                "layer " + sha256(layer) + " entry secrets is a symbolic link to /etc/shadow");
    }

    @Test
    void aLayerOfAnUnknownMediaTypeStallsAsInvalidContent() throws IOException {
        ns = uniqueNamespace("oci-mediatype");

        pushAndExpectInvalidContent(
                "zipped",
                List.of(TestLayer.archive(
                        "application/vnd.example.skill.v1+zip",
                        "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1))),
                "have media types application/vnd.example.skill.v1+zip");
    }

    @Test
    void aLayerOverTheArtifactSizeLimitStallsAsInvalidContent() throws IOException {
        ns = uniqueNamespace("oci-oversize");
        long limit = config.oci().maxArtifactSize().asLongValue();
        byte[] skillMd = skillMd("oversized", "Too large.").getBytes(StandardCharsets.UTF_8);
        byte[] model = new byte[Math.toIntExact(limit + 1)];

        pushAndExpectInvalidContent(
                "oversized",
                List.of(TestLayer.orasFile("SKILL.md", skillMd), TestLayer.orasFile("model.bin", model)),
                "larger than skillsync.oci.max-artifact-size (" + limit + " bytes) (at layer " + sha256(model)
                        + " (model.bin))");
    }

    @Test
    void aGzipBombStallsAtTheUnpackedSizeLimit() throws IOException {
        ns = uniqueNamespace("oci-bomb");
        long limit = config.oci().maxUnpackedSize().asLongValue();
        byte[] skillMd = skillMd("exploding", "Unpacks too far.").getBytes(StandardCharsets.UTF_8);
        byte[] bomb = TarBuilder.gzip(new TarBuilder()
                .file("SKILL.md", skillMd)
                .file("zeros.bin", new byte[Math.toIntExact(limit + 1)])
                .build());
        assertThat((long) bomb.length).isLessThan(config.oci().maxArtifactSize().asLongValue() / 100);

        pushAndExpectInvalidContent(
                "exploding",
                List.of(TestLayer.fluxArchive(bomb)),
                "larger than skillsync.oci.max-unpacked-size (" + limit + " bytes) (while unpacking layer "
                        + sha256(bomb) + ")");
    }

    @Test
    void aBlobTamperedWithInTheRegistryStallsAsInvalidContent() throws IOException {
        ns = uniqueNamespace("oci-tampered");
        String repository = newRepository();
        byte[] skillMd = skillMd("tampered", "Stored as pushed.").getBytes(StandardCharsets.UTF_8);
        registry.pusher().pushArtifact(repository, "1.0.0", List.of(TestLayer.orasFile("SKILL.md", skillMd)));
        byte[] tampered = skillMd("tampered", "Stored, tampered.").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).hasSameSizeAs(skillMd);
        Files.write(registry.blobFile(sha256(skillMd)), tampered);
        create(ociSkill("tampered", insecureSource(repository, tag("1.0.0"))));

        expectInvalidContent(
                "tampered",
                "the registry served content for layer " + sha256(skillMd)
                        + " (SKILL.md) that does not match its digest");
    }

    private void pushAndExpectInvalidContent(String name, List<TestLayer> layers, String message) throws IOException {
        String repository = newRepository();
        registry.pusher().pushArtifact(repository, "1.0.0", layers);
        create(ociSkill(name, insecureSource(repository, tag("1.0.0"))));
        expectInvalidContent(name, message);
    }

    /** Stalled on content the user must fix: said in Ready, Stalled and an Event, and nothing created remotely. */
    private void expectInvalidContent(String name, String message) {
        Skill stalled = awaitReady(ns, name, "False", "InvalidContent");

        assertThat(condition(stalled, "Ready").orElseThrow().getMessage()).contains(message);
        assertThat(hasCondition(stalled, "Stalled", "True", "InvalidContent")).isTrue();
        assertThat(stalled.getStatus().getSkillId()).isNull();
        assertThat(remoteSkillsOf(ns, name)).isEmpty();
        await().atMost(TIMEOUT).until(() -> hasEvent(ns, name, "Warning", "InvalidContent"));
    }

    private Skill ociSkill(String name, OciSource oci) {
        return newSkill(ns, name, source(oci));
    }

    private static SkillSource source(OciSource oci) {
        SkillSource source = new SkillSource();
        source.setOci(oci);
        return source;
    }

    private static OciSource insecureSource(String repository, OciRef ref) {
        OciSource oci = new OciSource();
        oci.setUrl(registry.url(repository));
        oci.setRef(ref);
        oci.setInsecure(true);
        return oci;
    }

    private static OciRef tag(String tag) {
        return new OciRef(tag, null);
    }

    /** Creates or replaces the Secret {@code kubectl create secret docker-registry registry-credentials} makes. */
    private void storeCredentials(String password) {
        String auth = base64((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        String dockerConfig = "{\"auths\":{\"" + securedRegistry.host() + "\":{\"auth\":\"" + auth + "\"}}}";
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName("registry-credentials")
                .withNamespace(ns)
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .addToData(".dockerconfigjson", base64(dockerConfig.getBytes(StandardCharsets.UTF_8)))
                .build();
        k8s().resource(secret).createOr(NonDeletingOperation::update);
    }

    private static String newRepository() {
        return "skills/scenario-" + REPOSITORIES.incrementAndGet();
    }

    /** What {@code oras push} makes of the files: one layer each, titled with its path. */
    private static List<TestLayer> orasFiles(SortedMap<String, byte[]> files) {
        return files.entrySet().stream()
                .map(file -> TestLayer.orasFile(file.getKey(), file.getValue()))
                .toList();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
