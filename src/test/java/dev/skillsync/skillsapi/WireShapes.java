package dev.skillsync.skillsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The answers a server gives in each wire dialect, for client tests that run once per dialect: the same call, the
 * dialect's JSON, the dialect's headers.
 */
enum WireShapes {
    BETA(new BetaDialect(), "display_title") {
        @Override
        String skillJson(String id, String title, String latestVersion) {
            return "{\"id\":\"" + id + "\",\"created_at\":\"2026-11-20T10:00:00Z\",\"display_title\":\"" + title
                    + "\",\"latest_version\":\"" + latestVersion + "\",\"source\":\"custom\",\"type\":\"skill\","
                    + "\"updated_at\":\"2026-11-21T10:00:00Z\"}";
        }

        @Override
        String versionJson(String skillId, String version) {
            return "{\"id\":\"skillver_" + version + "\",\"created_at\":\"2026-11-20T10:00:00Z\","
                    + "\"description\":\"Extracts text from PDFs\",\"directory\":\"pdf-tools\",\"name\":\"pdf-tools\","
                    + "\"skill_id\":\"" + skillId + "\",\"type\":\"skill_version\",\"version\":\"" + version + "\"}";
        }

        @Override
        String page(List<String> items, String nextPage) {
            return "{\"data\":[" + String.join(",", items) + "],\"has_more\":" + (nextPage != null) + ",\"next_page\":"
                    + (nextPage == null ? "null" : "\"" + nextPage + "\"") + "}";
        }

        @Override
        RemoteVersion expectedVersion(String skillId, String version) {
            return new RemoteVersion(
                    "skillver_" + version,
                    skillId,
                    version,
                    "pdf-tools",
                    "Extracts text from PDFs",
                    "pdf-tools",
                    "2026-11-20T10:00:00Z");
        }

        @Override
        int skillsPageLimit() {
            return 100;
        }

        @Override
        void assertDialectHeaders(RecordedRequest request) {
            assertThat(request.getHeader("anthropic-beta")).isEqualTo("skills-2025-10-02");
        }
    },

    GA(new GaDialect(), "display_name") {
        @Override
        String skillJson(String id, String title, String latestVersion) {
            return "{\"id\":\"" + id + "\",\"type\":\"skill\",\"created_at\":\"2026-11-20T10:00:00Z\","
                    + "\"updated_at\":\"2026-11-21T10:00:00Z\",\"display_name\":\"" + title
                    + "\",\"latest_version_id\":\"" + latestVersion + "\",\"source\":{\"type\":\"custom\"}}";
        }

        /** Creation times follow the identifier's last digit, so that newest-first order is checkable. */
        @Override
        String versionJson(String skillId, String version) {
            return "{\"id\":\"" + version + "\",\"type\":\"skill_version\",\"created_at\":\"" + createdAt(version)
                    + "\",\"description\":\"Extracts text from PDFs\",\"skill_id\":\"" + skillId
                    + "\",\"name\":\"pdf-tools\"}";
        }

        @Override
        String page(List<String> items, String nextPage) {
            return "{\"data\":[" + String.join(",", items) + "],\"next_page\":"
                    + (nextPage == null ? "null" : "\"" + nextPage + "\"") + "}";
        }

        @Override
        RemoteVersion expectedVersion(String skillId, String version) {
            return new RemoteVersion(
                    version, skillId, version, "pdf-tools", "Extracts text from PDFs", null, createdAt(version));
        }

        @Override
        int skillsPageLimit() {
            return 1000;
        }

        @Override
        void assertDialectHeaders(RecordedRequest request) {
            assertThat(request.getHeader("anthropic-beta")).isNull();
            assertThat(request.getRequestUrl().queryParameter("beta")).isNull();
        }

        private static String createdAt(String version) {
            char last = version.charAt(version.length() - 1);
            return "2026-11-20T10:00:0" + (Character.isDigit(last) ? last : '0') + "Z";
        }
    };

    private final WireDialect dialect;
    private final String titlePart;

    WireShapes(WireDialect dialect, String titlePart) {
        this.dialect = dialect;
        this.titlePart = titlePart;
    }

    WireDialect dialect() {
        return dialect;
    }

    /** The multipart text part that carries a new skill's title. */
    String titlePart() {
        return titlePart;
    }

    abstract String skillJson(String id, String title, String latestVersion);

    /** @param version the dialect's identifier of the version */
    abstract String versionJson(String skillId, String version);

    abstract String page(List<String> items, String nextPage);

    /** What the client reads from {@link #versionJson}. */
    abstract RemoteVersion expectedVersion(String skillId, String version);

    abstract int skillsPageLimit();

    /** The headers that select the dialect: the beta header, or none of it. */
    abstract void assertDialectHeaders(RecordedRequest request);

    /** The key, version and user-agent headers every call carries, and the dialect's own. */
    void assertStandardHeaders(RecordedRequest request) {
        SkillsApiFixtures.assertStandardHeaders(request);
        assertDialectHeaders(request);
    }
}
