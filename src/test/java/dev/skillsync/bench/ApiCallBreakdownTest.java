package dev.skillsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiCallBreakdownTest {

    @Test
    void foldsSkillIdsAndVersionsSoThatCallsGroupByOperation() {
        assertThat(ApiCallBreakdown.operation("POST", "/v1/skills")).isEqualTo("POST /v1/skills");
        assertThat(ApiCallBreakdown.operation("GET", "/v1/skills/skill_01AbC")).isEqualTo("GET /v1/skills/{id}");
        assertThat(ApiCallBreakdown.operation("GET", "/v1/skills/skill_01AbC/versions"))
                .isEqualTo("GET /v1/skills/{id}/versions");
        assertThat(ApiCallBreakdown.operation("DELETE", "/v1/skills/skill_01AbC/versions/1759178010641129"))
                .isEqualTo("DELETE /v1/skills/{id}/versions/{version}");
        assertThat(ApiCallBreakdown.operation("GET", "/v1/skills/skill_01AbC/versions/1759178010641129/content"))
                .isEqualTo("GET /v1/skills/{id}/versions/{version}/content");
    }
}
