package dev.skillsync.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillsync.testing.LoopbackPort;
import dev.skillsync.testing.SkillFixtures;
import dev.skillsync.testing.TestTier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolving and pulling skill artifacts in the layouts real tools push, from a real registry over plain HTTP. */
@Tag(TestTier.EXTERNAL_TOOLS_TAG)
class OciRegistryPullTest {

    @TempDir
    static Path directory;

    static RegistryServer registry;
    static ArtifactPusher pusher;
    static OciRegistryClient client;

    /** Every test pushes to a repository of its own. */
    private static final AtomicInteger REPOSITORIES = new AtomicInteger();

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = RegistryServer.plainHttp(directory);
        pusher = registry.pusher();
        client = new OciRegistryClient(TestSkill.SETTINGS);
    }

    @AfterAll
    static void stopRegistry() {
        // Null when startRegistry was skipped for a missing program.
        if (client != null) {
            client.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void orasFilesOneLayerEachPullToTheSkillFiles() throws Exception {
        String repository = newRepository();
        String digest = pusher.pushArtifact(
                repository,
                "1.0.0",
                TestSkill.FILES.entrySet().stream()
                        .map(file -> TestLayer.orasFile(file.getKey(), file.getValue()))
                        .toList());

        PulledArtifact artifact = resolveAndPull(repository, "1.0.0");

        assertThat(artifact.digest()).isEqualTo(digest);
        assertThat(SkillFixtures.asText(artifact.files())).isEqualTo(SkillFixtures.asText(TestSkill.FILES));
    }

    @Test
    void orasDirectoryLayerIsUnpackedWithItsDirectoryStripped() throws Exception {
        String repository = newRepository();
        pusher.pushArtifact(repository, "1.0.0", List.of(TestLayer.orasDirectory("pdf-tools", TestSkill.FILES)));

        assertThat(SkillFixtures.asText(resolveAndPull(repository, "1.0.0").files()))
                .isEqualTo(SkillFixtures.asText(TestSkill.FILES));
    }

    static Stream<Arguments> singleArchiveLayers() {
        byte[] rootTar = TarBuilder.tarOf(TestSkill.FILES);
        TarBuilder dotSlash = new TarBuilder().directory("./");
        TestSkill.FILES.forEach((path, content) -> dotSlash.file("./" + path, content));
        return Stream.of(
                Arguments.of("Flux tar+gzip", MediaTypes.FLUX_CONTENT_TAR_GZIP, TarBuilder.gzip(rootTar)),
                Arguments.of("OCI layer tar+gzip", MediaTypes.OCI_LAYER_TAR_GZIP, TarBuilder.gzip(rootTar)),
                Arguments.of("OCI layer tar", MediaTypes.OCI_LAYER_TAR, rootTar),
                Arguments.of(
                        "Flux tar+gzip, files in one top-level directory",
                        MediaTypes.FLUX_CONTENT_TAR_GZIP,
                        TarBuilder.gzip(withTopDirectory())),
                Arguments.of("OCI layer tar, ./ entry names", MediaTypes.OCI_LAYER_TAR, dotSlash.build()));
    }

    private static byte[] withTopDirectory() {
        TarBuilder tar = new TarBuilder().directory("pdf-tools");
        SkillFixtures.under("pdf-tools", TestSkill.FILES).forEach(tar::file);
        return tar.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleArchiveLayers")
    void singleArchiveLayerPullsToTheSkillFiles(String layout, String mediaType, byte[] layer) throws Exception {
        String repository = newRepository();
        pusher.pushArtifact(repository, "latest", List.of(TestLayer.archive(mediaType, layer)));

        assertThat(SkillFixtures.asText(resolveAndPull(repository, null).files()))
                .isEqualTo(SkillFixtures.asText(TestSkill.FILES));
    }

    @Test
    void dockerSchema2ImageWithOneLayerPullsToTheSkillFiles() throws Exception {
        String repository = newRepository();
        String digest = pusher.pushDockerImage(
                repository,
                "1.0.0",
                List.of(TestLayer.archive(
                        MediaTypes.DOCKER_LAYER_TAR_GZIP, TarBuilder.gzip(TarBuilder.tarOf(TestSkill.FILES)))));

        PulledArtifact artifact = resolveAndPull(repository, "1.0.0");

        assertThat(artifact.digest()).isEqualTo(digest);
        assertThat(SkillFixtures.asText(artifact.files())).isEqualTo(SkillFixtures.asText(TestSkill.FILES));
    }

    @Test
    void aMovedTagResolvesToTheNewDigestWhileTheOldDigestStillPulls() throws Exception {
        String repository = newRepository();
        SortedMap<String, byte[]> first = SkillFixtures.asBytes(Map.of("SKILL.md", "---\nname: a\n---\nfirst\n"));
        SortedMap<String, byte[]> second = SkillFixtures.asBytes(Map.of("SKILL.md", "---\nname: a\n---\nsecond\n"));
        String firstDigest = pusher.pushArtifact(repository, "stable", List.of(TestLayer.fluxArchive(first)));
        OciReference tag = OciReference.parse(registry.url(repository), "stable", null);
        assertThat(client.resolveDigest(tag, Optional.empty(), registry.connection()))
                .isEqualTo(firstDigest);

        String secondDigest = pusher.pushArtifact(repository, "stable", List.of(TestLayer.fluxArchive(second)));

        assertThat(client.resolveDigest(tag, Optional.empty(), registry.connection()))
                .isEqualTo(secondDigest);
        PulledArtifact pinned = client.pull(tag, firstDigest, Optional.empty(), registry.connection());
        assertThat(SkillFixtures.asText(pinned.files())).isEqualTo(SkillFixtures.asText(first));
    }

    @Test
    void aDigestReferenceResolvesToItsDigestAndPulls() throws Exception {
        String repository = newRepository();
        String digest =
                pusher.pushArtifact(repository, "1.0.0", List.of(TestLayer.orasDirectory("skill", TestSkill.FILES)));
        OciReference pinned = OciReference.parse(registry.url(repository), null, digest);

        assertThat(client.resolveDigest(pinned, Optional.empty(), registry.connection()))
                .isEqualTo(digest);
        assertThat(SkillFixtures.asText(client.pull(pinned, digest, Optional.empty(), registry.connection())
                        .files()))
                .isEqualTo(SkillFixtures.asText(TestSkill.FILES));
    }

    @Test
    void aMissingTagIsNotFound() throws Exception {
        String repository = newRepository();
        pusher.pushArtifact(repository, "1.0.0", List.of(TestLayer.orasFile("SKILL.md", "x".getBytes())));
        OciReference missing = OciReference.parse(registry.url(repository), "2.0.0", null);

        assertThatThrownBy(() -> client.resolveDigest(missing, Optional.empty(), registry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.NOT_FOUND))
                .hasMessageContaining("tag 2.0.0 not found in " + registry.host() + "/" + repository);
    }

    @Test
    void aMissingRepositoryAndAMissingDigestAreNotFound() {
        OciReference nowhere = OciReference.parse(registry.url("no/such/repository"), null, null);
        String digest = Digests.sha256("nothing".getBytes());

        assertThatThrownBy(() -> client.resolveDigest(nowhere, Optional.empty(), registry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> client.pull(nowhere, digest, Optional.empty(), registry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.NOT_FOUND))
                .hasMessageContaining("manifest " + digest + " not found")
                .hasMessageContaining("(MANIFEST_UNKNOWN: manifest unknown)");
    }

    @Test
    void anImageIndexIsRefusedAtResolveAndAtPull() throws Exception {
        String repository = newRepository();
        String manifestDigest =
                pusher.pushArtifact(repository, "single", List.of(TestLayer.orasFile("SKILL.md", "x".getBytes())));
        String indexDigest = pusher.pushIndex(repository, "multi", manifestDigest, 400);
        OciReference index = OciReference.parse(registry.url(repository), "multi", null);

        assertThatThrownBy(() -> client.resolveDigest(index, Optional.empty(), registry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                .hasMessageContaining("is an image index (" + MediaTypes.OCI_INDEX + ")");
        assertThatThrownBy(() -> client.pull(index, indexDigest, Optional.empty(), registry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                .hasMessageContaining("is an image index");
    }

    @Test
    void layersOfUnknownMediaTypesAreInvalidContentNamingTheTypes() throws Exception {
        String repository = newRepository();
        pusher.pushArtifact(
                repository,
                "1.0.0",
                List.of(
                        TestLayer.archive("application/vnd.example.first", "a".getBytes()),
                        TestLayer.archive("application/vnd.example.second", "b".getBytes())));

        assertInvalidContent(
                repository,
                "1.0.0",
                "layer(s) have media types application/vnd.example.first, application/vnd.example.second");
    }

    @Test
    void aSingleLayerOfAnotherArchiveTypeIsInvalidContentNamingIt() throws Exception {
        String repository = newRepository();
        pusher.pushArtifact(repository, "1.0.0", List.of(TestLayer.archive("application/zip", "PK".getBytes())));

        assertInvalidContent(repository, "1.0.0", "media types application/zip");
    }

    static Stream<Arguments> unsafeArchives() {
        byte[] skill = "---\nname: a\n---\n".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of(
                        "../ path",
                        new TarBuilder().file("SKILL.md", skill).file("../evil.sh", skill),
                        "leaves its directory with .."),
                Arguments.of(
                        "inner .. path",
                        new TarBuilder().file("SKILL.md", skill).file("scripts/../../evil", skill),
                        "leaves its directory with .."),
                Arguments.of(
                        "absolute path",
                        new TarBuilder().file("SKILL.md", skill).file("/etc/cron.d/evil", skill),
                        "has the absolute path /etc/cron.d/evil"),
                Arguments.of(
                        "symbolic link",
                        new TarBuilder().file("SKILL.md", skill).symlink("secrets", "/etc/shadow"),
                        "is a symbolic link to /etc/shadow"),
                Arguments.of(
                        "hard link",
                        new TarBuilder().file("SKILL.md", skill).hardLink("copy", "/etc/shadow"),
                        "is a hard link to /etc/shadow"),
                Arguments.of("FIFO", new TarBuilder().file("SKILL.md", skill).fifo("pipe"), "is a FIFO"),
                Arguments.of(
                        "a path twice",
                        new TarBuilder().file("SKILL.md", skill).file("./SKILL.md", skill),
                        "holds SKILL.md, a path the artifact already has"),
                Arguments.of(
                        "a file that is also a directory",
                        new TarBuilder()
                                .file("SKILL.md", skill)
                                .file("scripts", skill)
                                .file("scripts/run.sh", skill),
                        "scripts both as a file and as"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeArchives")
    void unsafeArchiveEntriesAreInvalidContent(String entry, TarBuilder tar, String message) throws Exception {
        String repository = newRepository();
        pusher.pushArtifact(repository, "1.0.0", List.of(TestLayer.fluxArchive(TarBuilder.gzip(tar.build()))));

        assertInvalidContent(repository, "1.0.0", message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../SKILL.md", "/SKILL.md"})
    void orasTitlesOutsideTheArtifactAreInvalidContent(String title) throws Exception {
        String repository = newRepository();
        pusher.pushArtifact(repository, "1.0.0", List.of(TestLayer.orasFile(title, "x".getBytes())));

        assertInvalidContent(repository, "1.0.0", "titled " + title);
    }

    @Test
    void anOrasDirectoryLayerWithEntriesOutsideItsDirectoryIsInvalidContent() throws Exception {
        String repository = newRepository();
        byte[] tar = new TarBuilder()
                .file("skill/SKILL.md", "x".getBytes())
                .file("other/run.sh", "y".getBytes())
                .build();
        pusher.pushArtifact(
                repository,
                "1.0.0",
                List.of(new TestLayer(
                        MediaTypes.OCI_LAYER_TAR_GZIP,
                        TarBuilder.gzip(tar),
                        Map.of(MediaTypes.TITLE_ANNOTATION, "skill", MediaTypes.ORAS_UNPACK, "true"))));

        assertInvalidContent(repository, "1.0.0", "entry other/run.sh lies outside the directory skill");
    }

    @Test
    void anArtifactWithoutFilesIsInvalidContent() throws Exception {
        String repository = newRepository();
        pusher.pushArtifact(
                repository,
                "1.0.0",
                List.of(TestLayer.archive(
                        MediaTypes.OCI_LAYER_TAR,
                        new TarBuilder().directory("empty").build())));

        assertInvalidContent(repository, "1.0.0", "the artifact contains no files");
    }

    @Test
    void aLayerLargerThanTheArtifactLimitIsInvalidContent() throws Exception {
        String repository = newRepository();
        byte[] noise = new byte[200 * 1024];
        new Random(7).nextBytes(noise);
        pusher.pushArtifact(
                repository,
                "1.0.0",
                List.of(TestLayer.orasFile("SKILL.md", "x".getBytes()), TestLayer.orasFile("noise.bin", noise)));
        OciReference reference = OciReference.parse(registry.url(repository), "1.0.0", null);

        try (OciRegistryClient small = new OciRegistryClient(TestSkill.settings(100 * 1024, 1024 * 1024))) {
            String digest = small.resolveDigest(reference, Optional.empty(), registry.connection());
            assertThatThrownBy(() -> small.pull(reference, digest, Optional.empty(), registry.connection()))
                    .isInstanceOfSatisfying(
                            OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                    .hasMessageContaining("larger than skillsync.oci.max-artifact-size (102400 bytes)");
        }
    }

    @Test
    void aGzipBombIsStoppedAtTheUnpackedLimit() throws Exception {
        String repository = newRepository();
        byte[] bomb = TarBuilder.gzip(new TarBuilder()
                .file("SKILL.md", "x".getBytes())
                .file("zeros.bin", new byte[8 * 1024 * 1024])
                .build());
        assertThat(bomb.length).isLessThan(100 * 1024);
        pusher.pushArtifact(repository, "1.0.0", List.of(TestLayer.fluxArchive(bomb)));

        assertInvalidContent(repository, "1.0.0", "larger than skillsync.oci.max-unpacked-size (1048576 bytes)");
    }

    @Test
    void aRegistryNobodyListensOnIsUnreachable() {
        OciReference nowhere = OciReference.parse("oci://127.0.0.1:" + LoopbackPort.free() + "/skills/a", null, null);

        assertThatThrownBy(() -> client.resolveDigest(nowhere, Optional.empty(), RegistryConnection.of(true, null)))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNREACHABLE))
                .hasMessageContaining("cannot reach registry 127.0.0.1:");
    }

    private static String newRepository() {
        return "skills/test-" + REPOSITORIES.incrementAndGet();
    }

    private static PulledArtifact resolveAndPull(String repository, String tag) throws OciException {
        OciReference reference = OciReference.parse(registry.url(repository), tag, null);
        String digest = client.resolveDigest(reference, Optional.empty(), registry.connection());
        return client.pull(reference, digest, Optional.empty(), registry.connection());
    }

    private static void assertInvalidContent(String repository, String tag, String message) throws OciException {
        OciReference reference = OciReference.parse(registry.url(repository), tag, null);
        String digest = client.resolveDigest(reference, Optional.empty(), registry.connection());

        assertThatThrownBy(() -> client.pull(reference, digest, Optional.empty(), registry.connection()))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                .hasMessageContaining(message);
    }
}
