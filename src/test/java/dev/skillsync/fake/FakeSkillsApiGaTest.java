package dev.skillsync.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake in GA mode: the GA shapes, strictly, for requests without the beta header; beta for those with it. */
class FakeSkillsApiGaTest {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeSkillsApi fake;
    private OkHttpClient http;

    @BeforeEach
    void startFake() {
        fake = FakeSkillsApi.start(FakeDialect.GA);
        http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    }

    @AfterEach
    void stopFake() {
        http.connectionPool().evictAll();
        fake.close();
    }

    @Test
    void skillAndVersionObjectsHaveTheGaFieldsOnly() throws IOException {
        JsonNode skill =
                createSkill(Map.of("display_name", "PDF Tools"), files("first")).json();

        assertThat(fieldNames(skill))
                .containsExactlyInAnyOrder(
                        "id", "type", "created_at", "updated_at", "display_name", "latest_version_id", "source");
        assertThat(skill.get("display_name").asText()).isEqualTo("PDF Tools");
        assertThat(skill.get("source").get("type").asText()).isEqualTo("custom");
        String skillId = skill.get("id").asText();
        String latest = skill.get("latest_version_id").asText();
        assertThat(latest).doesNotMatch("[0-9]+");

        JsonNode version =
                get(ga("/v1/skills/" + skillId + "/versions/" + latest)).json();
        assertThat(fieldNames(version))
                .containsExactlyInAnyOrder("id", "type", "created_at", "description", "skill_id", "name");
        assertThat(version.get("id").asText()).isEqualTo(latest);
        assertThat(version.get("type").asText()).isEqualTo("skill_version");
        assertThat(get(ga("/v1/skills/" + skillId + "/versions/latest")).json()).isEqualTo(version);
        assertThat(fake.skill(skillId).orElseThrow().latestVersion()).isEqualTo(latest);
    }

    @Test
    void displayNamesAreNotUniqueAndDefaultToTheFrontMatterName() throws IOException {
        Answer first = createSkill(Map.of("display_name", "Same"), files("one"));
        Answer second = createSkill(Map.of("display_name", "Same"), files("two"));
        Answer unnamed = createSkill(Map.of(), files("three"));

        assertThat(List.of(first.status, second.status, unnamed.status)).containsOnly(200);
        assertThat(unnamed.json().get("display_name").asText()).isEqualTo("pdf-tools");
        assertThat(fake.skills()).extracting(FakeSkill::displayTitle).containsExactly("Same", "Same", "pdf-tools");
    }

    @Test
    void displayNamesOverTheLimitOrOfSeveralLinesAreRefused() throws IOException {
        assertThat(createSkill(Map.of("display_name", "x".repeat(255)), files("a")).status)
                .isEqualTo(200);

        Answer tooLong = createSkill(Map.of("display_name", "x".repeat(256)), files("b"));
        Answer twoLines = createSkill(Map.of("display_name", "two\nlines"), files("c"));

        assertThat(tooLong.status).isEqualTo(400);
        assertThat(tooLong.errorMessage()).contains("255");
        assertThat(twoLines.status).isEqualTo(400);
        assertThat(twoLines.errorMessage()).contains("single line");
        assertThat(fake.skills()).hasSize(1);
    }

    @Test
    void unknownRequestFieldsAndParametersAreRefused() throws IOException {
        Answer betaTitle = createSkill(Map.of("display_title", "Beta field"), files("a"));
        String skillId = createSkill(Map.of(), files("b")).json().get("id").asText();

        assertThat(betaTitle.status).isEqualTo(400);
        assertThat(betaTitle.errorMessage()).contains("display_title");
        assertThat(get(ga("/v1/skills?beta=true")).status).isEqualTo(400);
        assertThat(get(ga("/v1/skills/" + skillId + "/versions?source=custom")).status)
                .isEqualTo(400);
        assertThat(get(ga("/v1/skills/" + skillId + "?beta=true")).status).isEqualTo(400);
        assertThat(get(ga("/v1/skills?limit=1001")).status).isEqualTo(400);
        assertThat(get(ga("/v1/skills?limit=0")).status).isEqualTo(400);
        assertThat(get(ga("/v1/skills?limit=1000&source=custom")).status).isEqualTo(200);
        assertThat(fake.skills()).hasSize(1);
    }

    @Test
    void listsEndWithANullNextPageAndNoHasMore() throws IOException {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createSkill(Map.of(), files("s" + i)).json().get("id").asText());
        }
        List<String> listed = new ArrayList<>();
        String page = null;
        do {
            JsonNode body = get(ga("/v1/skills?limit=2" + (page == null ? "" : "&page=" + page)))
                    .json();
            assertThat(body.has("has_more")).isFalse();
            body.get("data").forEach(skill -> listed.add(skill.get("id").asText()));
            page = body.get("next_page").isNull() ? null : body.get("next_page").asText();
        } while (page != null);

        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void deletingASkillDeletesItsVersionsAndItsOnlyVersionCannotBeDeleted() throws IOException {
        JsonNode skill = createSkill(Map.of(), files("a")).json();
        String skillId = skill.get("id").asText();
        String only = skill.get("latest_version_id").asText();

        Answer refused =
                send(ga("/v1/skills/" + skillId + "/versions/" + only).delete().build());
        assertThat(refused.status).isEqualTo(400);
        assertThat(fake.versions(skillId)).hasSize(1);

        String second = createVersion(skillId, files("b")).json().get("id").asText();
        assertThat(send(ga("/v1/skills/" + skillId + "/versions/latest")
                                .delete()
                                .build())
                        .status)
                .isEqualTo(404);
        Answer deleted =
                send(ga("/v1/skills/" + skillId + "/versions/" + only).delete().build());
        assertThat(deleted.status).isEqualTo(200);
        assertThat(deleted.json().get("type").asText()).isEqualTo("skill_version_deleted");
        assertThat(fake.versions(skillId)).extracting(FakeVersion::version).containsExactly(second);

        Answer skillDeleted = send(ga("/v1/skills/" + skillId).delete().build());
        assertThat(skillDeleted.status).isEqualTo(200);
        assertThat(skillDeleted.json().get("type").asText()).isEqualTo("skill_deleted");
        assertThat(fake.skill(skillId)).isEmpty();
    }

    @Test
    void thereIsNoDownloadButTheBetaContentEndpointAnswersUntilTheBetaIsRetired() throws IOException {
        JsonNode skill = createSkill(Map.of(), files("a")).json();
        String content = "/v1/skills/" + skill.get("id").asText() + "/versions/"
                + skill.get("latest_version_id").asText() + "/content";

        assertThat(get(ga(content)).status).isEqualTo(404);
        assertThat(get(ga(content).header("anthropic-beta", "skills-2025-10-02")).status)
                .isEqualTo(200);

        fake.retireBeta();

        Answer retired = get(ga(content).header("anthropic-beta", "skills-2025-10-02"));
        assertThat(retired.status).isEqualTo(400);
        assertThat(retired.errorMessage()).contains("no longer supported");
    }

    @Test
    void betaRequestsGetTheBetaShapesOfTheSameSkills() throws IOException {
        JsonNode ga = createSkill(Map.of("display_name", "Both"), files("a")).json();

        JsonNode beta = get(ga("/v1/skills/" + ga.get("id").asText()).header("anthropic-beta", "skills-2025-10-02"))
                .json();

        assertThat(beta.get("display_title").asText()).isEqualTo("Both");
        assertThat(beta.get("latest_version").asText()).matches("[0-9]{16}");
        assertThat(fake.calls()).extracting(RecordedCall::betaHeader).containsExactly(false, true);
    }

    @Test
    void aWorkspaceHeaderMustNameAWorkspaceOfTheKey() throws IOException {
        fake.allowWorkspace(FakeSkillsApi.DEFAULT_KEY, "wrkspc_a");

        assertThat(get(ga("/v1/skills").header("anthropic-workspace-id", "wrkspc_a")).status)
                .isEqualTo(200);
        Answer other = get(ga("/v1/skills").header("anthropic-workspace-id", "wrkspc_b"));
        assertThat(other.status).isEqualTo(403);
        assertThat(other.errorType()).isEqualTo("permission_error");
        assertThat(get(ga("/v1/skills")).status).isEqualTo(200);
        assertThat(fake.calls()).extracting(RecordedCall::workspaceId).containsExactly("wrkspc_a", "wrkspc_b", null);
    }

    // --- helpers ---

    private record Answer(int status, byte[] body) {

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

    /** A request as a GA client sends it: no beta header. */
    private Request.Builder ga(String pathAndQuery) {
        return new Request.Builder()
                .url(fake.baseUrl() + pathAndQuery)
                .header("x-api-key", FakeSkillsApi.DEFAULT_KEY)
                .header("anthropic-version", "2023-06-01");
    }

    private Answer send(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().bytes());
        }
    }

    private Answer get(Request.Builder request) throws IOException {
        return send(request.get().build());
    }

    private Answer createSkill(Map<String, String> textParts, Map<String, String> files) throws IOException {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        textParts.forEach(body::addFormDataPart);
        addFiles(body, files);
        return send(ga("/v1/skills").post(body.build()).build());
    }

    private Answer createVersion(String skillId, Map<String, String> files) throws IOException {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        addFiles(body, files);
        return send(ga("/v1/skills/" + skillId + "/versions").post(body.build()).build());
    }

    private static void addFiles(MultipartBody.Builder body, Map<String, String> files) {
        files.forEach(
                (path, content) -> body.addFormDataPart("files[]", path, RequestBody.create(content, OCTET_STREAM)));
    }

    private static Map<String, String> files(String script) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pdf-tools/SKILL.md", "---\nname: pdf-tools\ndescription: Extracts text.\n---\n\n# pdf-tools\n");
        files.put("pdf-tools/run.py", script + "\n");
        return files;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
