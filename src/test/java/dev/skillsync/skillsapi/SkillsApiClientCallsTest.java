package dev.skillsync.skillsapi;

import static dev.skillsync.skillsapi.SkillsApiFixtures.KEY;
import static dev.skillsync.skillsapi.SkillsApiFixtures.error;
import static dev.skillsync.skillsapi.SkillsApiFixtures.json;
import static dev.skillsync.skillsapi.SkillsApiFixtures.parts;
import static dev.skillsync.skillsapi.SkillsApiFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What each call sends and how it reads the answer, in each wire dialect. */
@ParameterizedClass
@EnumSource(WireShapes.class)
class SkillsApiClientCallsTest {

    @Parameter
    WireShapes shapes;

    private static final byte[] SKILL_MD =
            "---\nname: pdf-tools\ndescription: PDFs\n---\n# PDF tools\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SCRIPT = {0x23, 0x21, 0x00, (byte) 0xff, 0x0a};
    private static final List<UploadFile> FILES =
            List.of(new UploadFile("pdf-tools/SKILL.md", SKILL_MD), new UploadFile("pdf-tools/scripts/run.py", SCRIPT));

    private MockWebServer server;
    private SkillsApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new SkillsApiClient(settings(server), shapes.dialect(), ApiCallObserver.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void createSkillPostsEveryFileUnderItsPathAndTheTitle() throws Exception {
        server.enqueue(json(200, shapes.skillJson("skill_01", "team-a/pdf-tools", "1759178010641129")));

        RemoteSkill skill = client.createSkill(KEY, "team-a/pdf-tools", FILES);

        assertThat(skill)
                .isEqualTo(new RemoteSkill(
                        "skill_01",
                        "team-a/pdf-tools",
                        "1759178010641129",
                        "custom",
                        "2026-11-20T10:00:00Z",
                        "2026-11-21T10:00:00Z"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/skills");
        shapes.assertStandardHeaders(request);
        assertThat(parts(request))
                .extracting(
                        SkillsApiFixtures.Part::name,
                        SkillsApiFixtures.Part::filename,
                        SkillsApiFixtures.Part::contentType)
                .containsExactlyInAnyOrder(
                        tuple("files[]", "pdf-tools/SKILL.md", "text/markdown; charset=utf-8"),
                        tuple("files[]", "pdf-tools/scripts/run.py", "application/octet-stream"),
                        tuple(shapes.titlePart(), null, null));
    }

    @Test
    void createSkillSendsFileContentAndTitleUnchanged() throws Exception {
        server.enqueue(json(200, shapes.skillJson("skill_01", "Ünïcode title", "1759178010641129")));

        client.createSkill(KEY, "Ünïcode title", FILES);

        List<SkillsApiFixtures.Part> parts = parts(server.takeRequest());
        assertThat(parts)
                .filteredOn(part -> "pdf-tools/SKILL.md".equals(part.filename()))
                .singleElement()
                .extracting(SkillsApiFixtures.Part::body)
                .isEqualTo(SKILL_MD);
        assertThat(parts)
                .filteredOn(part -> "pdf-tools/scripts/run.py".equals(part.filename()))
                .singleElement()
                .extracting(SkillsApiFixtures.Part::body)
                .isEqualTo(SCRIPT);
        assertThat(parts)
                .filteredOn(part -> shapes.titlePart().equals(part.name()))
                .singleElement()
                .extracting(part -> new String(part.body(), StandardCharsets.UTF_8))
                .isEqualTo("Ünïcode title");
    }

    @Test
    void createVersionPostsFilesWithoutTitle() throws Exception {
        server.enqueue(json(200, shapes.versionJson("skill_01", "1759178010641129")));

        RemoteVersion version = client.createVersion(KEY, "skill_01", FILES);

        assertThat(version).isEqualTo(shapes.expectedVersion("skill_01", "1759178010641129"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/skills/skill_01/versions");
        shapes.assertStandardHeaders(request);
        assertThat(parts(request))
                .extracting(SkillsApiFixtures.Part::name, SkillsApiFixtures.Part::filename)
                .containsExactly(tuple("files[]", "pdf-tools/SKILL.md"), tuple("files[]", "pdf-tools/scripts/run.py"));
    }

    @Test
    void uploadsNeedFilesAndCreateNeedsATitle() {
        assertThatThrownBy(() -> client.createVersion(KEY, "skill_01", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one file");
        assertThatThrownBy(() -> client.createSkill(KEY, " ", FILES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("display title");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void listSkillsFollowsEveryPageAndAsksForCustomSkillsOnly() throws Exception {
        server.enqueue(json(
                200,
                shapes.page(
                        List.of(shapes.skillJson("skill_1", "one", "1"), shapes.skillJson("skill_2", "two", "2")),
                        "page_2")));
        server.enqueue(json(200, shapes.page(List.of(shapes.skillJson("skill_3", "three", "3")), "page_3")));
        server.enqueue(json(200, shapes.page(List.of(shapes.skillJson("skill_4", "four", "4")), null)));

        List<RemoteSkill> skills = client.listSkills(KEY);

        assertThat(skills).extracting(RemoteSkill::id).containsExactly("skill_1", "skill_2", "skill_3", "skill_4");
        for (String expectedPage : new String[] {null, "page_2", "page_3"}) {
            RecordedRequest request = server.takeRequest();
            HttpUrl url = request.getRequestUrl();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(url.encodedPath()).isEqualTo("/v1/skills");
            assertThat(url.queryParameter("limit")).isEqualTo(Integer.toString(shapes.skillsPageLimit()));
            assertThat(url.queryParameter("source")).isEqualTo("custom");
            assertThat(url.queryParameter("page")).isEqualTo(expectedPage);
            shapes.assertStandardHeaders(request);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void listVersionsFollowsEveryPageAndReturnsNewestFirst() throws Exception {
        server.enqueue(json(
                200,
                shapes.page(
                        List.of(
                                shapes.versionJson("skill_1", "1759178010000001"),
                                shapes.versionJson("skill_1", "1759178010000002")),
                        "page_2")));
        server.enqueue(json(200, shapes.page(List.of(shapes.versionJson("skill_1", "1759178010000003")), "page_3")));
        server.enqueue(json(200, shapes.page(List.of(shapes.versionJson("skill_1", "1759178010000004")), null)));

        List<RemoteVersion> versions = client.listVersions(KEY, "skill_1");

        assertThat(versions)
                .extracting(RemoteVersion::version)
                .containsExactly("1759178010000004", "1759178010000003", "1759178010000002", "1759178010000001");
        for (String expectedPage : new String[] {null, "page_2", "page_3"}) {
            RecordedRequest request = server.takeRequest();
            HttpUrl url = request.getRequestUrl();
            assertThat(url.encodedPath()).isEqualTo("/v1/skills/skill_1/versions");
            assertThat(url.queryParameter("limit")).isEqualTo("1000");
            assertThat(url.queryParameter("page")).isEqualTo(expectedPage);
            shapes.assertStandardHeaders(request);
        }
    }

    @Test
    void listStopsWhenTheServerRepeatsAPage() {
        server.enqueue(json(200, shapes.page(List.of(shapes.skillJson("skill_1", "one", "1")), "page_2")));
        server.enqueue(json(200, shapes.page(List.of(shapes.skillJson("skill_2", "two", "2")), "page_2")));

        assertThatThrownBy(() -> client.listSkills(KEY))
                .isInstanceOf(SkillsApiException.class)
                .hasMessageContaining("next_page repeats");
    }

    @Test
    void getSkillReadsTheSkill() throws Exception {
        server.enqueue(json(200, shapes.skillJson("skill_01", "PDF Tools", "1759178010641129")));

        RemoteSkill skill = client.getSkill(KEY, "skill_01");

        assertThat(skill.latestVersion()).isEqualTo("1759178010641129");
        assertThat(skill.displayTitle()).isEqualTo("PDF Tools");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/skills/skill_01");
        shapes.assertStandardHeaders(request);
    }

    @Test
    void getVersionAddressesTheVersionByItsIdentifier() throws Exception {
        server.enqueue(json(200, shapes.versionJson("skill_01", "1759178010641129")));

        RemoteVersion version = client.getVersion(KEY, "skill_01", "1759178010641129");

        assertThat(version.version()).isEqualTo("1759178010641129");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/skills/skill_01/versions/1759178010641129");
        shapes.assertStandardHeaders(request);
    }

    @Test
    void downloadVersionReturnsTheZipBytes() throws Exception {
        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x00, (byte) 0x80, 0x7f};
        server.enqueue(
                new MockResponse().setHeader("Content-Type", "application/zip").setBody(new Buffer().write(zip)));

        assertThat(client.downloadVersion(KEY, "skill_01", "1759178010641129")).hasValue(zip);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/skills/skill_01/versions/1759178010641129/content");
        SkillsApiFixtures.assertStandardHeaders(request);
        // GA has no download: the beta content endpoint is asked with the beta header in either dialect.
        assertThat(request.getHeader("anthropic-beta")).isEqualTo("skills-2025-10-02");
    }

    @Test
    void aDownloadTheServerNoLongerServesIsEmptyUnderGaAndAFailureUnderBeta() {
        server.enqueue(error(400, "invalid_request_error", "The beta is no longer supported."));

        if (shapes == WireShapes.GA) {
            assertThat(client.downloadVersion(KEY, "skill_01", "skver_01")).isEmpty();
        } else {
            assertThat(SkillsApiFixtures.failureOf(() -> client.downloadVersion(KEY, "skill_01", "1"))
                            .status())
                    .isEqualTo(400);
        }
    }

    @Test
    void aDownloadThatFailsOtherwiseIsAFailureInEitherDialect() {
        server.enqueue(error(401, "authentication_error", "invalid x-api-key"));

        assertThat(SkillsApiFixtures.failureOf(() -> client.downloadVersion(KEY, "skill_01", "1"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theLatestVersionIsReadThroughTheGaAliasOrTheSkillsLatestVersion() throws Exception {
        if (shapes == WireShapes.BETA) {
            server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1759178010641129")));
        }
        server.enqueue(json(200, shapes.versionJson("skill_01", "1759178010641129")));

        assertThat(client.getLatestVersion(KEY, "skill_01"))
                .hasValue(shapes.expectedVersion("skill_01", "1759178010641129"));

        if (shapes == WireShapes.BETA) {
            assertThat(server.takeRequest().getPath()).isEqualTo("/v1/skills/skill_01");
            assertThat(server.takeRequest().getPath()).isEqualTo("/v1/skills/skill_01/versions/1759178010641129");
        } else {
            assertThat(server.takeRequest().getPath()).isEqualTo("/v1/skills/skill_01/versions/latest");
        }
    }

    @Test
    void aKeyWithAWorkspaceSendsItsHeader() throws Exception {
        server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

        client.getSkill(KEY.inWorkspace(" wrkspc_01 "), "skill_01");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeader("anthropic-workspace-id")).isEqualTo("wrkspc_01");
        shapes.assertDialectHeaders(request);
    }

    @Test
    void deleteSkillAndVersionSendDeletes() throws Exception {
        server.enqueue(json(200, "{\"id\":\"1759178010641129\",\"type\":\"skill_version_deleted\"}"));
        server.enqueue(json(200, "{\"id\":\"skill_01\",\"type\":\"skill_deleted\"}"));

        client.deleteVersion(KEY, "skill_01", "1759178010641129");
        client.deleteSkill(KEY, "skill_01");

        RecordedRequest versionDelete = server.takeRequest();
        assertThat(versionDelete.getMethod()).isEqualTo("DELETE");
        assertThat(versionDelete.getPath()).isEqualTo("/v1/skills/skill_01/versions/1759178010641129");
        shapes.assertStandardHeaders(versionDelete);
        RecordedRequest skillDelete = server.takeRequest();
        assertThat(skillDelete.getMethod()).isEqualTo("DELETE");
        assertThat(skillDelete.getPath()).isEqualTo("/v1/skills/skill_01");
        shapes.assertStandardHeaders(skillDelete);
    }

    @Test
    void identifiersAreEncodedAsOnePathSegment() throws Exception {
        server.enqueue(json(200, shapes.skillJson("x", "x", "1")));

        client.getSkill(KEY, "../other?x=1");

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/skills/..%2Fother%3Fx=1");
    }

    @Test
    void blankIdentifiersAreRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> client.getSkill(KEY, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skill id");
        assertThatThrownBy(() -> client.deleteVersion(KEY, "skill_01", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skill version");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsIt() throws Exception {
        SkillsApiSettings base = settings(server);
        try (SkillsApiClient proxied = new SkillsApiClient(
                new SkillsApiSettings(
                        server.url("/anthropic/").toString(),
                        base.connectTimeout(),
                        base.callTimeout(),
                        0,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        1,
                        base.maxDownloadBytes()),
                shapes.dialect(),
                ApiCallObserver.NONE)) {
            server.enqueue(json(200, shapes.skillJson("skill_01", "x", "1")));

            proxied.getSkill(KEY, "skill_01");

            assertThat(server.takeRequest().getPath()).isEqualTo("/anthropic/v1/skills/skill_01");
        }
    }
}
