package dev.skillsync.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skillsync.testing.CallHold;
import dev.skillsync.testing.HttpCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FakeSkillsApiTest {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeSkillsApi fake;
    private OkHttpClient http;

    @BeforeEach
    void startFake() {
        fake = FakeSkillsApi.start();
        http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    }

    @AfterEach
    void stopFake() {
        http.connectionPool().evictAll();
        fake.close();
    }

    @Test
    void createListGetVersionAndDownloadRoundTrip() throws IOException {
        Answer created = createSkill("PDF Tools", skillFiles("pdf-tools", "pdf-tools", "Extracts text from PDFs"));

        assertThat(created.status).isEqualTo(200);
        JsonNode skill = created.json();
        String skillId = skill.get("id").asText();
        String firstVersion = skill.get("latest_version").asText();
        assertThat(skillId).matches("skill_[0-9A-Za-z]{26}");
        assertThat(skill.get("type").asText()).isEqualTo("skill");
        assertThat(skill.get("display_title").asText()).isEqualTo("PDF Tools");
        assertThat(skill.get("source").asText()).isEqualTo("custom");
        assertThat(firstVersion).matches("[0-9]{16}");
        assertThat(skill.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(skill.get("updated_at").asText())
                .isEqualTo(skill.get("created_at").asText());
        assertThat(get("/v1/skills/" + skillId).json()).isEqualTo(skill);

        Map<String, String> secondFiles = Map.of(
                "pdf-tools/SKILL.md",
                skillMd("pdf-tools", "Extracts text and tables from PDFs"),
                "pdf-tools/lib/tables.py",
                "def tables(): pass\n");
        Answer versionAnswer = createVersion(skillId, secondFiles);
        assertThat(versionAnswer.status).isEqualTo(200);
        JsonNode version = versionAnswer.json();
        String secondVersion = version.get("version").asText();
        assertThat(version.get("type").asText()).isEqualTo("skill_version");
        assertThat(version.get("id").asText()).matches("skillver_[0-9A-Za-z]{26}");
        assertThat(version.get("skill_id").asText()).isEqualTo(skillId);
        assertThat(version.get("name").asText()).isEqualTo("pdf-tools");
        assertThat(version.get("description").asText()).isEqualTo("Extracts text and tables from PDFs");
        assertThat(version.get("directory").asText()).isEqualTo("pdf-tools");
        assertThat(Long.parseLong(secondVersion)).isGreaterThan(Long.parseLong(firstVersion));
        assertThat(get("/v1/skills/" + skillId).json().get("latest_version").asText())
                .isEqualTo(secondVersion);

        JsonNode listed = get("/v1/skills").json();
        assertThat(listed.get("data")).hasSize(1);
        assertThat(listed.get("data").get(0).get("id").asText()).isEqualTo(skillId);
        assertThat(listed.get("has_more").asBoolean()).isFalse();
        assertThat(listed.get("next_page").isNull()).isTrue();

        JsonNode versions = get("/v1/skills/" + skillId + "/versions").json();
        assertThat(versions.get("data").findValuesAsText("version")).containsExactly(firstVersion, secondVersion);
        assertThat(get("/v1/skills/" + skillId + "/versions/" + secondVersion).json())
                .isEqualTo(version);

        Answer download = get("/v1/skills/" + skillId + "/versions/" + secondVersion + "/content");
        assertThat(download.status).isEqualTo(200);
        assertThat(download.headers.get("Content-Type")).isEqualTo("application/zip");
        assertThat(unzip(download.body)).isEqualTo(new TreeMap<>(secondFiles));
        assertThat(unzip(get("/v1/skills/" + skillId + "/versions/" + firstVersion + "/content").body))
                .containsOnlyKeys("pdf-tools/SKILL.md", "pdf-tools/scripts/run.py");

        assertThat(fake.skill(skillId))
                .get()
                .extracting(FakeSkill::displayTitle, FakeSkill::latestVersion)
                .containsExactly("PDF Tools", secondVersion);
        List<FakeVersion> stored = fake.versions(skillId);
        assertThat(stored).extracting(FakeVersion::version).containsExactly(firstVersion, secondVersion);
        assertThat(text(stored.get(1).files())).isEqualTo(secondFiles);
    }

    @Test
    void everyResponseCarriesARequestIdAndErrorsUseTheApiEnvelope() throws IOException {
        Answer ok = get("/v1/skills");
        Answer missing = get("/v1/skills/skill_doesnotexist");

        assertThat(ok.headers.get("request-id")).matches("req_[0-9A-Za-z]+");
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.headers.get("request-id"))
                .matches("req_[0-9A-Za-z]+")
                .isNotEqualTo(ok.headers.get("request-id"));
        JsonNode error = missing.json();
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("error").get("type").asText()).isEqualTo("not_found_error");
        assertThat(error.get("error").get("message").asText()).isEqualTo("Skill 'skill_doesnotexist' not found.");
        assertThat(error.get("request_id").asText()).isEqualTo(missing.headers.get("request-id"));
    }

    static Stream<Arguments> invalidUploads() {
        return Stream.of(
                Arguments.of(
                        "SKILL.md below the top-level folder",
                        Map.of("pdf-tools/docs/SKILL.md", skillMd("pdf-tools", "d"), "pdf-tools/run.py", "x"),
                        "SKILL.md file must be exactly in the top-level folder."),
                Arguments.of(
                        "two top-level folders",
                        ordered("pdf-tools/SKILL.md", skillMd("pdf-tools", "d"), "other/run.py", "x"),
                        "All files must be in the same top-level directory; 'other/run.py' is not in 'pdf-tools'."),
                Arguments.of(
                        "file outside any folder",
                        Map.of("SKILL.md", skillMd("pdf-tools", "d")),
                        "All files must be in the same top-level directory; 'SKILL.md' is not in a directory."),
                Arguments.of(
                        "path escaping the folder",
                        ordered("pdf-tools/SKILL.md", skillMd("pdf-tools", "d"), "pdf-tools/../run.py", "x"),
                        "Invalid file path 'pdf-tools/../run.py': paths must be relative, use '/' and contain no"
                                + " empty, '.' or '..' segments."),
                Arguments.of(
                        "no front matter",
                        Map.of("pdf-tools/SKILL.md", "# PDF tools\n"),
                        "SKILL.md must start with YAML front matter between '---' lines, holding 'name' and"
                                + " 'description'."),
                Arguments.of(
                        "no description",
                        Map.of("pdf-tools/SKILL.md", "---\nname: pdf-tools\n---\n"),
                        "SKILL.md front matter must contain 'description'."),
                Arguments.of(
                        "no name",
                        Map.of("pdf-tools/SKILL.md", "---\ndescription: d\n---\n"),
                        "SKILL.md front matter must contain 'name'."),
                Arguments.of(
                        "name longer than 64",
                        Map.of("a".repeat(65) + "/SKILL.md", skillMd("a".repeat(65), "d")),
                        "Skill name in SKILL.md must be at most 64 characters, found 65."),
                Arguments.of(
                        "name with capitals",
                        Map.of("pdf-tools/SKILL.md", skillMd("PDF-Tools", "d")),
                        "Skill name in SKILL.md must contain only lowercase letters, digits and hyphens: 'PDF-Tools'."),
                Arguments.of(
                        "name with an XML tag",
                        Map.of("pdf-tools/SKILL.md", skillMd("<b>pdf</b>", "d")),
                        "Skill name in SKILL.md must not contain XML tags."),
                Arguments.of(
                        "name with reserved word claude",
                        Map.of("claude-helper/SKILL.md", skillMd("claude-helper", "d")),
                        "Skill name in SKILL.md must not contain the reserved word 'claude'."),
                Arguments.of(
                        "name with reserved word anthropic",
                        Map.of("my-anthropic-tools/SKILL.md", skillMd("my-anthropic-tools", "d")),
                        "Skill name in SKILL.md must not contain the reserved word 'anthropic'."),
                Arguments.of(
                        "empty description",
                        Map.of("pdf-tools/SKILL.md", "---\nname: pdf-tools\ndescription: \"\"\n---\n"),
                        "Skill description in SKILL.md must not be empty."),
                Arguments.of(
                        "description longer than 1024",
                        Map.of("pdf-tools/SKILL.md", skillMd("pdf-tools", "d".repeat(1025))),
                        "Skill description in SKILL.md must be at most 1024 characters, found 1025."),
                Arguments.of(
                        "description with an XML tag",
                        Map.of("pdf-tools/SKILL.md", skillMd("pdf-tools", "Reads <pdf> files")),
                        "Skill description in SKILL.md must not contain XML tags."),
                Arguments.of(
                        "folder not matching the name",
                        Map.of("pdf-tools/SKILL.md", skillMd("pdf-kit", "d")),
                        "The folder name 'pdf-tools' must match the skill name 'pdf-kit' in SKILL.md."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUploads")
    void rejectsInvalidSkillContentWithTheServersMessage(String label, Map<String, String> files, String message)
            throws IOException {
        Answer answer = createSkill("Invalid", files);

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("invalid_request_error");
        assertThat(answer.errorMessage()).isEqualTo(message);
        assertThat(fake.skills()).isEmpty();
    }

    @Test
    void rejectsFrontMatterThatIsNotYaml() throws IOException {
        Answer answer = createSkill("Broken", Map.of("pdf-tools/SKILL.md", "---\nname: [pdf-tools\n---\n"));

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorMessage()).startsWith("SKILL.md front matter is not valid YAML: ");
    }

    @Test
    void rejectsUploadsWithoutFilesParts() throws IOException {
        RequestBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("display_title", "No brackets")
                .addFormDataPart("files", "pdf-tools/SKILL.md", RequestBody.create(skillMd("pdf-tools", "d"), null))
                .build();

        Answer answer = send(request("/v1/skills").post(body).build());

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorMessage())
                .isEqualTo("No files were uploaded: send each file of the skill as a"
                        + " multipart part named 'files[]' whose filename is the file's path.");
    }

    @Test
    void matchesFolderAndNameIgnoringCaseAndUnderscores() throws IOException {
        Answer answer = createSkill("Lenient", Map.of("PDF_Tools/SKILL.md", skillMd("pdf-tools", "d")));

        assertThat(answer.status).isEqualTo(200);
        String skillId = answer.json().get("id").asText();
        assertThat(fake.versions(skillId))
                .singleElement()
                .extracting(FakeVersion::directory, FakeVersion::name)
                .containsExactly("PDF_Tools", "pdf-tools");
    }

    @Test
    void rejectsUploadsOverTheSizeLimitAsTooLarge() throws IOException {
        fake.setMaxUploadBytes(100);

        Answer answer = createSkill(
                "Big", Map.of("pdf-tools/SKILL.md", skillMd("pdf-tools", "d"), "pdf-tools/data.bin", "x".repeat(100)));

        assertThat(answer.status).isEqualTo(413);
        assertThat(answer.errorType()).isEqualTo("request_too_large");
        assertThat(fake.skills()).isEmpty();
    }

    @Test
    void newVersionMustKeepTheSkillName() throws IOException {
        String skillId = createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d"))
                .json()
                .get("id")
                .asText();

        Answer answer = createVersion(skillId, Map.of("pdf-kit/SKILL.md", skillMd("pdf-kit", "d")));

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorMessage())
                .isEqualTo(
                        "The skill name 'pdf-kit' in SKILL.md must match the name 'pdf-tools' this skill was created with.");
        assertThat(fake.versions(skillId)).hasSize(1);
    }

    @Test
    void rejectsAReusedDisplayTitle() throws IOException {
        assertThat(createSkill("Shared title", skillFiles("one", "one", "d")).status)
                .isEqualTo(200);

        Answer answer = createSkill("Shared title", skillFiles("two", "two", "d"));

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("invalid_request_error");
        assertThat(answer.errorMessage()).isEqualTo("Skill cannot reuse an existing display_title: Shared title");
        assertThat(fake.skills()).extracting(FakeSkill::displayTitle).containsExactly("Shared title");
    }

    @Test
    void skillWithVersionsCannotBeDeletedUntilAllVersionsAre() throws IOException {
        JsonNode skill =
                createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d")).json();
        String skillId = skill.get("id").asText();

        Answer refused = delete("/v1/skills/" + skillId);
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.errorMessage())
                .isEqualTo("Cannot delete skill with existing versions. Delete all versions first.");
        assertThat(fake.skill(skillId)).isPresent();

        String version = skill.get("latest_version").asText();
        JsonNode versionDeleted =
                delete("/v1/skills/" + skillId + "/versions/" + version).json();
        assertThat(versionDeleted.get("type").asText()).isEqualTo("skill_version_deleted");
        assertThat(versionDeleted.get("id").asText()).isEqualTo(version);

        JsonNode skillDeleted = delete("/v1/skills/" + skillId).json();
        assertThat(skillDeleted.get("type").asText()).isEqualTo("skill_deleted");
        assertThat(skillDeleted.get("id").asText()).isEqualTo(skillId);
        assertThat(get("/v1/skills/" + skillId).status).isEqualTo(404);
        assertThat(fake.skills()).isEmpty();
    }

    @Test
    void deletingTheLatestVersionMakesThePreviousOneLatest() throws IOException {
        JsonNode skill =
                createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "v1")).json();
        String skillId = skill.get("id").asText();
        String first = skill.get("latest_version").asText();
        String second = createVersion(skillId, skillFiles("pdf-tools", "pdf-tools", "v2"))
                .json()
                .get("version")
                .asText();

        assertThat(delete("/v1/skills/" + skillId + "/versions/" + second).status)
                .isEqualTo(200);
        assertThat(get("/v1/skills/" + skillId).json().get("latest_version").asText())
                .isEqualTo(first);

        assertThat(delete("/v1/skills/" + skillId + "/versions/" + first).status)
                .isEqualTo(200);
        assertThat(get("/v1/skills/" + skillId).json().get("latest_version").isNull())
                .isTrue();
        assertThat(fake.skill(skillId))
                .get()
                .extracting(FakeSkill::latestVersion)
                .isNull();
    }

    @Test
    void unknownSkillsAndVersionsAreNotFound() throws IOException {
        String skillId = createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d"))
                .json()
                .get("id")
                .asText();

        List<Answer> answers = List.of(
                get("/v1/skills/skill_missing"),
                delete("/v1/skills/skill_missing"),
                get("/v1/skills/skill_missing/versions"),
                createVersion("skill_missing", skillFiles("pdf-tools", "pdf-tools", "d")),
                get("/v1/skills/" + skillId + "/versions/1759178010641129"),
                get("/v1/skills/" + skillId + "/versions/latest"),
                get("/v1/skills/" + skillId + "/versions/1759178010641129/content"),
                delete("/v1/skills/" + skillId + "/versions/1759178010641129"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status).isEqualTo(404);
            assertThat(answer.errorType()).isEqualTo("not_found_error");
        });
        assertThat(fake.versions(skillId)).hasSize(1);
    }

    @Test
    void pagesThroughSkillsInCreationOrderWithOpaqueTokens() throws IOException {
        List<String> created = IntStream.range(0, 5)
                .mapToObj(i -> fake.createSkillOutOfBand("Skill " + i, bytes(skillFiles("s" + i, "s" + i, "d")))
                        .id())
                .toList();
        fake.setMaxPageSize(2);

        List<String> listed = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = get("/v1/skills?limit=100" + (token == null ? "" : "&page=" + token))
                    .json();
            listed.addAll(page.get("data").findValuesAsText("id"));
            hasMore.add(page.get("has_more").asBoolean());
            token = page.get("next_page").isNull()
                    ? null
                    : page.get("next_page").asText();
        } while (token != null);

        assertThat(listed).isEqualTo(created);
        assertThat(hasMore).containsExactly(true, true, false);
    }

    @Test
    void respectsTheRequestedLimitAndDefaultsToTwenty() throws IOException {
        IntStream.range(0, 23)
                .forEach(i -> fake.createSkillOutOfBand("Skill " + i, bytes(skillFiles("s" + i, "s" + i, "d"))));

        JsonNode three = get("/v1/skills?limit=3").json();
        JsonNode byDefault = get("/v1/skills").json();
        JsonNode rest =
                get("/v1/skills?page=" + byDefault.get("next_page").asText()).json();

        assertThat(three.get("data")).hasSize(3);
        assertThat(three.get("next_page").asText()).startsWith("page_");
        assertThat(byDefault.get("data")).hasSize(20);
        assertThat(rest.get("data")).hasSize(3);
        assertThat(rest.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void pagesThroughVersionsOldestFirst() throws IOException {
        FakeSkill skill = fake.createSkillOutOfBand("PDF", bytes(skillFiles("pdf-tools", "pdf-tools", "v0")));
        for (int i = 1; i < 5; i++) {
            fake.createVersionOutOfBand(skill.id(), bytes(skillFiles("pdf-tools", "pdf-tools", "v" + i)));
        }

        List<String> descriptions = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String query = "?limit=2" + (token == null ? "" : "&page=" + token);
            JsonNode page =
                    get("/v1/skills/" + skill.id() + "/versions" + query).json();
            descriptions.addAll(page.get("data").findValuesAsText("description"));
            versions.addAll(page.get("data").findValuesAsText("version"));
            token = page.get("next_page").isNull()
                    ? null
                    : page.get("next_page").asText();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(descriptions).containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(versions).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    }

    @Test
    void rejectsOutOfRangeLimitsAndForeignPageTokens() throws IOException {
        FakeSkill skill = fake.createSkillOutOfBand("PDF", bytes(skillFiles("pdf-tools", "pdf-tools", "d")));
        fake.createSkillOutOfBand("Other", bytes(skillFiles("other", "other", "d")));
        String skillsToken = get("/v1/skills?limit=1").json().get("next_page").asText();

        assertThat(get("/v1/skills?limit=0").errorMessage())
                .isEqualTo("limit must be an integer from 1 to 100, got '0'.");
        assertThat(get("/v1/skills?limit=101").status).isEqualTo(400);
        assertThat(get("/v1/skills/" + skill.id() + "/versions?limit=1000").status)
                .isEqualTo(200);
        assertThat(get("/v1/skills?page=garbage").status).isEqualTo(400);
        assertThat(get("/v1/skills/" + skill.id() + "/versions?page=" + skillsToken)
                        .errorType())
                .isEqualTo("invalid_request_error");
    }

    @Test
    void filtersBySource() throws IOException {
        fake.createSkillOutOfBand("PDF", bytes(skillFiles("pdf-tools", "pdf-tools", "d")));

        assertThat(get("/v1/skills?source=custom").json().get("data")).hasSize(1);
        assertThat(get("/v1/skills?source=anthropic").json().get("data")).isEmpty();
        assertThat(get("/v1/skills?source=mine").status).isEqualTo(400);
    }

    @Test
    void rejectsMissingOrUnknownApiKeys() throws IOException {
        Answer noKey = send(request("/v1/skills").removeHeader("x-api-key").build());
        Answer wrongKey =
                send(request("/v1/skills").header("x-api-key", "sk-ant-wrong").build());

        assertThat(noKey.status).isEqualTo(401);
        assertThat(noKey.errorType()).isEqualTo("authentication_error");
        assertThat(wrongKey.status).isEqualTo(401);
        assertThat(wrongKey.errorType()).isEqualTo("authentication_error");
        assertThat(wrongKey.headers.get("request-id")).isNotBlank();
    }

    @Test
    void acceptsAddedKeysAndRejectsRevokedOnes() throws IOException {
        fake.acceptKey("sk-ant-team-a");
        fake.revokeKey(FakeSkillsApi.DEFAULT_KEY);

        assertThat(send(request("/v1/skills")
                                .header("x-api-key", "sk-ant-team-a")
                                .build())
                        .status)
                .isEqualTo(200);
        assertThat(get("/v1/skills").status).isEqualTo(401);
    }

    @Test
    void requiresTheVersionAndBetaHeaders() throws IOException {
        Answer noVersion =
                send(request("/v1/skills").removeHeader("anthropic-version").build());
        Answer noBeta =
                send(request("/v1/skills").removeHeader("anthropic-beta").build());
        Answer otherBeta = send(request("/v1/skills")
                .header("anthropic-beta", "files-api-2025-04-14")
                .build());
        Answer joinedBetas = send(request("/v1/skills")
                .header("anthropic-beta", "files-api-2025-04-14, skills-2025-10-02")
                .build());

        assertThat(noVersion.status).isEqualTo(400);
        assertThat(noVersion.errorMessage()).isEqualTo("anthropic-version: header is required");
        assertThat(noBeta.status).isEqualTo(400);
        assertThat(noBeta.errorMessage()).contains("anthropic-beta: skills-2025-10-02");
        assertThat(otherBeta.status).isEqualTo(400);
        assertThat(joinedBetas.status).isEqualTo(200);
    }

    @Test
    void injectedFaultAnswersTheGivenTimesWithoutApplyingTheRequest() throws IOException {
        fake.injectFault(Fault.on("POST", "/v1/skills")
                .status(529)
                .times(2)
                .header("retry-after-ms", "10")
                .build());

        Answer first = createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d"));
        Answer listing = get("/v1/skills");
        Answer second = createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d"));
        Answer third = createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d"));

        assertThat(List.of(first, second)).allSatisfy(faulted -> {
            assertThat(faulted.status).isEqualTo(529);
            assertThat(faulted.errorType()).isEqualTo("overloaded_error");
            assertThat(faulted.headers.get("retry-after-ms")).isEqualTo("10");
            assertThat(faulted.headers.get("request-id")).isNotBlank();
        });
        assertThat(listing.status).isEqualTo(200);
        assertThat(third.status).isEqualTo(200);
        assertThat(fake.skills()).hasSize(1);
        assertThat(fake.calls()).extracting(RecordedCall::status).containsExactly(529, 200, 529, 200);
    }

    @Test
    void injectedFaultMatchesThePathRegexAndCarriesItsMessage() throws IOException {
        FakeSkill skill = fake.createSkillOutOfBand("PDF", bytes(skillFiles("pdf-tools", "pdf-tools", "d")));
        fake.injectFault(Fault.on("GET", "/v1/skills/[^/]+/versions")
                .status(500)
                .message("upstream hiccup")
                .build());

        Answer skillRead = get("/v1/skills/" + skill.id());
        Answer faulted = get("/v1/skills/" + skill.id() + "/versions");
        Answer recovered = get("/v1/skills/" + skill.id() + "/versions");

        assertThat(skillRead.status).isEqualTo(200);
        assertThat(faulted.status).isEqualTo(500);
        assertThat(faulted.errorType()).isEqualTo("api_error");
        assertThat(faulted.errorMessage()).isEqualTo("upstream hiccup");
        assertThat(recovered.status).isEqualTo(200);
    }

    @Test
    void aFaultThatLastsATimeAnswersEveryRequestUntilItIsOver() throws IOException {
        long injected = System.nanoTime();
        fake.injectFault(Fault.onEveryRequest()
                .status(503)
                .header("retry-after", "5")
                .lasting(Duration.ofMillis(300))
                .build());

        Answer firstCreate = createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d"));
        Answer firstList = get("/v1/skills");
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/v1/skills").status == 200);

        assertThat(List.of(firstCreate, firstList)).allSatisfy(faulted -> {
            assertThat(faulted.status).isEqualTo(503);
            assertThat(faulted.headers.get("retry-after")).isEqualTo("5");
        });
        List<RecordedCall> calls = fake.calls();
        long endsAt = injected + Duration.ofMillis(300).toNanos();
        assertThat(calls.subList(0, calls.size() - 1)).allSatisfy(call -> {
            assertThat(call.status()).isEqualTo(503);
            assertThat(call.receivedNanos()).isLessThan(endsAt);
        });
        assertThat(calls.get(calls.size() - 1).receivedNanos()).isGreaterThanOrEqualTo(endsAt);
        assertThat(fake.skills()).isEmpty();
    }

    @Test
    void stoppedItRefusesConnectionsAndListensAgainOnTheSamePortWithItsState() throws IOException {
        fake.createSkillOutOfBand("PDF", bytes(skillFiles("pdf-tools", "pdf-tools", "d")));
        String baseUrl = fake.baseUrl();

        fake.stopListening();

        assertThatThrownBy(() -> get("/v1/skills")).isInstanceOf(java.net.ConnectException.class);
        fake.listenAgain();
        assertThat(fake.baseUrl()).isEqualTo(baseUrl);
        Answer listing = get("/v1/skills");
        assertThat(listing.status).isEqualTo(200);
        assertThat(listing.json().get("data")).hasSize(1);
    }

    @Test
    void lostResponseAppliesTheRequestButTheClientSeesAnIoError() throws IOException {
        fake.loseNextResponse("POST", "/v1/skills");

        assertThatThrownBy(() -> createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d")))
                .isInstanceOf(IOException.class);

        assertThat(fake.skills()).extracting(FakeSkill::displayTitle).containsExactly("PDF");
        assertThat(fake.calls()).singleElement().satisfies(call -> {
            assertThat(call.responseLost()).isTrue();
            assertThat(call.status()).isEqualTo(200);
        });
        Answer retried = createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d"));
        assertThat(retried.errorMessage()).isEqualTo("Skill cannot reuse an existing display_title: PDF");
    }

    @Test
    void aCallHeldWhenReceivedWaitsForTheTestAndChangesNothingWhenDropped() throws Exception {
        CallHold hold = fake.holdWhenReceived("POST /v1/skills", HttpCall.matching("POST", "/v1/skills"));
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> create = client.submit(() -> createSkill("Held", skillFiles("held", "held", "d")));

            hold.awaitHeld(Duration.ofSeconds(10));
            assertThat(create).isNotDone();
            assertThat(fake.skills()).isEmpty();
            hold.drop();

            assertThatThrownBy(() -> create.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
            assertThat(fake.skills()).isEmpty();
            assertThat(fake.calls()).isEmpty();
            assertThat(createSkill("Held", skillFiles("held", "held", "d")).status)
                    .as("the hold is used up")
                    .isEqualTo(200);
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void aCallHeldOnceProcessedHasMadeItsChangeAndIsAnsweredWhenReleased() throws Exception {
        CallHold hold = fake.holdWhenProcessed("POST /v1/skills", HttpCall.matching("POST", "/v1/skills"));
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> create = client.submit(() -> createSkill("Held", skillFiles("held", "held", "d")));

            hold.awaitHeld(Duration.ofSeconds(10));
            assertThat(create).isNotDone();
            assertThat(fake.skills()).extracting(FakeSkill::displayTitle).containsExactly("Held");
            hold.release();

            assertThat(create.get(10, TimeUnit.SECONDS).status).isEqualTo(200);
            assertThat(fake.calls())
                    .singleElement()
                    .satisfies(call -> assertThat(call.responseLost()).isFalse());
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void aCallHeldOnceProcessedAndDroppedIsRecordedWithItsResponseLost() throws Exception {
        CallHold hold = fake.holdWhenProcessed("POST /v1/skills", HttpCall.matching("POST", "/v1/skills"));
        hold.drop();

        assertThatThrownBy(() -> createSkill("Held", skillFiles("held", "held", "d")))
                .isInstanceOf(IOException.class);

        assertThat(fake.skills()).extracting(FakeSkill::displayTitle).containsExactly("Held");
        assertThat(fake.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.responseLost()).isTrue());
    }

    @Test
    void aHoldThatNoCallReachesFailsNamingTheCall() {
        CallHold hold = fake.holdWhenReceived("DELETE of skill_x", HttpCall.matching("DELETE", "/v1/skills/skill_x"));

        assertThatThrownBy(() -> hold.awaitHeld(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("DELETE of skill_x");
    }

    @Test
    void latencyDelaysResponses() throws IOException {
        fake.setLatency(Duration.ofSeconds(1));
        OkHttpClient impatient =
                http.newBuilder().readTimeout(Duration.ofMillis(100)).build();

        assertThatThrownBy(() -> impatient
                        .newCall(request("/v1/skills").build())
                        .execute()
                        .close())
                .isInstanceOf(InterruptedIOException.class);

        fake.setLatency(Duration.ZERO);
        try (Response response =
                impatient.newCall(request("/v1/skills").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }

    @Test
    void recordsCallsWithoutRevealingTheKey() throws IOException {
        Answer created = createSkill("PDF", skillFiles("pdf-tools", "pdf-tools", "d"));
        get("/v1/skills?limit=5&source=custom");
        delete("/v1/skills/skill_missing");

        List<RecordedCall> calls = fake.calls();
        assertThat(calls)
                .extracting(RecordedCall::method, RecordedCall::path, RecordedCall::query, RecordedCall::status)
                .containsExactly(
                        tuple("POST", "/v1/skills", "", 200),
                        tuple("GET", "/v1/skills", "limit=5&source=custom", 200),
                        tuple("DELETE", "/v1/skills/skill_missing", "", 404));
        assertThat(calls.get(0).requestId()).isEqualTo(created.headers.get("request-id"));
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.hasApiKey(FakeSkillsApi.DEFAULT_KEY)).isTrue();
            assertThat(call.hasApiKey("sk-ant-other")).isFalse();
            assertThat(call.toString()).doesNotContain(FakeSkillsApi.DEFAULT_KEY);
        });
        assertThat(fake.writeCalls()).isEqualTo(2);
        assertThat(fake.readCalls()).isEqualTo(1);

        fake.clearCalls();
        assertThat(fake.calls()).isEmpty();
        assertThat(fake.writeCalls()).isZero();
    }

    @Test
    void outOfBandChangesAreVisibleToClientsAndFollowTheSameRules() throws IOException {
        FakeSkill skill = fake.createSkillOutOfBand("PDF", bytes(skillFiles("pdf-tools", "pdf-tools", "v1")));
        FakeVersion version =
                fake.createVersionOutOfBand(skill.id(), bytes(skillFiles("pdf-tools", "pdf-tools", "v2")));

        assertThat(get("/v1/skills/" + skill.id()).json().get("latest_version").asText())
                .isEqualTo(version.version());
        assertThat(fake.calls()).hasSize(1);
        assertThatThrownBy(() -> fake.createSkillOutOfBand("PDF", bytes(skillFiles("other", "other", "d"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Skill cannot reuse an existing display_title: PDF");
        assertThatThrownBy(() -> fake.createVersionOutOfBand(skill.id(), bytes(skillFiles("pdf-kit", "pdf-kit", "d"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        fake.createVersionOutOfBand("skill_missing", bytes(skillFiles("pdf-tools", "pdf-tools", "d"))))
                .isInstanceOf(NoSuchElementException.class);

        fake.deleteSkillOutOfBand(skill.id());

        assertThat(get("/v1/skills/" + skill.id()).status).isEqualTo(404);
        assertThat(fake.versions(skill.id())).isEmpty();
        assertThatThrownBy(() -> fake.deleteSkillOutOfBand(skill.id())).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void resetForgetsStateFaultsCallsAndSettings() throws IOException {
        fake.createSkillOutOfBand("PDF", bytes(skillFiles("pdf-tools", "pdf-tools", "d")));
        fake.injectFault(Fault.on("GET", "/v1/skills").status(500).build());
        fake.revokeKey(FakeSkillsApi.DEFAULT_KEY);
        get("/v1/skills");

        fake.reset();

        assertThat(fake.skills()).isEmpty();
        assertThat(fake.calls()).isEmpty();
        Answer listing = get("/v1/skills");
        assertThat(listing.status).isEqualTo(200);
        assertThat(listing.json().get("data")).isEmpty();
    }

    @Test
    void concurrentCreatesGetUniqueIdsAndIncreasingVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Answer>> creates = IntStream.range(0, 40)
                    .mapToObj(i ->
                            (Callable<Answer>) () -> createSkill("Skill " + i, skillFiles("s" + i, "s" + i, "d")))
                    .toList();
            List<Answer> created = results(pool.invokeAll(creates));

            assertThat(created).extracting(answer -> answer.status).containsOnly(200);
            assertThat(created)
                    .extracting(answer -> answer.json().get("id").asText())
                    .doesNotHaveDuplicates();
            assertThat(created)
                    .extracting(answer -> answer.json().get("latest_version").asText())
                    .doesNotHaveDuplicates();
            assertThat(fake.skills()).hasSize(40);

            String skillId = created.get(0).json().get("id").asText();
            List<Callable<Answer>> versions = IntStream.range(0, 40)
                    .mapToObj(i -> (Callable<Answer>) () -> createVersion(skillId, skillFiles("s0", "s0", "v" + i)))
                    .toList();
            List<Answer> added = results(pool.invokeAll(versions));

            assertThat(added).extracting(answer -> answer.status).containsOnly(200);
            List<FakeVersion> stored = fake.versions(skillId);
            assertThat(stored).hasSize(41);
            assertThat(stored).extracting(FakeVersion::id).doesNotHaveDuplicates();
            List<Long> numbers =
                    stored.stream().map(v -> Long.parseLong(v.version())).toList();
            assertThat(numbers).isSorted().doesNotHaveDuplicates();
            assertThat(fake.skill(skillId))
                    .get()
                    .extracting(FakeSkill::latestVersion)
                    .isEqualTo(stored.get(40).version());
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void versionTimestampsFollowTheVersionIdentifier() {
        FakeSkill skill = fake.createSkillOutOfBand("PDF", bytes(skillFiles("pdf-tools", "pdf-tools", "d")));
        FakeVersion version = fake.versions(skill.id()).get(0);

        Instant fromVersion = Instant.EPOCH.plus(Long.parseLong(version.version()), ChronoUnit.MICROS);
        assertThat(version.createdAt()).isEqualTo(fromVersion);
        assertThat(skill.createdAt()).isEqualTo(fromVersion);
    }

    // --- helpers ---

    private record Answer(int status, Headers headers, byte[] body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String errorType() {
            return json().get("error").get("type").asText();
        }

        String errorMessage() {
            return json().get("error").get("message").asText();
        }
    }

    private Request.Builder request(String pathAndQuery) {
        return new Request.Builder()
                .url(fake.baseUrl() + pathAndQuery)
                .header("x-api-key", FakeSkillsApi.DEFAULT_KEY)
                .header("anthropic-version", "2023-06-01")
                .header("anthropic-beta", "skills-2025-10-02");
    }

    private Answer send(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(
                    response.code(), response.headers(), response.body().bytes());
        }
    }

    private Answer get(String pathAndQuery) throws IOException {
        return send(request(pathAndQuery).get().build());
    }

    private Answer delete(String path) throws IOException {
        return send(request(path).delete().build());
    }

    private Answer createSkill(String displayTitle, Map<String, String> files) throws IOException {
        MultipartBody.Builder body =
                new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("display_title", displayTitle);
        files.forEach(
                (path, content) -> body.addFormDataPart("files[]", path, RequestBody.create(content, OCTET_STREAM)));
        return send(request("/v1/skills").post(body.build()).build());
    }

    private Answer createVersion(String skillId, Map<String, String> files) throws IOException {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        files.forEach(
                (path, content) -> body.addFormDataPart("files[]", path, RequestBody.create(content, OCTET_STREAM)));
        return send(request("/v1/skills/" + skillId + "/versions")
                .post(body.build())
                .build());
    }

    private static String skillMd(String name, String description) {
        return "---\nname: " + name + "\ndescription: " + description + "\n---\n\n# " + name + "\n";
    }

    private static Map<String, String> skillFiles(String directory, String name, String description) {
        return ordered(
                directory + "/SKILL.md", skillMd(name, description), directory + "/scripts/run.py", "print('hello')\n");
    }

    private static Map<String, String> ordered(String path1, String content1, String path2, String content2) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(path1, content1);
        files.put(path2, content2);
        return files;
    }

    private static Map<String, byte[]> bytes(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, content) -> bytes.put(path, content.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    private static Map<String, String> text(Map<String, byte[]> files) {
        Map<String, String> text = new TreeMap<>();
        files.forEach((path, content) -> text.put(path, new String(content, StandardCharsets.UTF_8)));
        return text;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static List<Answer> results(List<Future<Answer>> futures) throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
