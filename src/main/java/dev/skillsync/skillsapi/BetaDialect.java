package dev.skillsync.skillsapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes served with {@code anthropic-beta: skills-2025-10-02}: {@code display_title}, {@code latest_version},
 * versions addressed by their epoch-microsecond {@code version}, pages with {@code has_more}.
 */
public final class BetaDialect implements WireDialect {

    /** Name in {@code skillsync.api.dialect}. */
    public static final String NAME = "beta";

    /** The header that asks for these shapes; also what the GA dialect sends to reach the content endpoint. */
    static final Map<String, String> HEADERS = Map.of("anthropic-beta", "skills-2025-10-02");

    private static final Pattern EPOCH_MICROS = Pattern.compile("[0-9]+");

    /**
     * Epoch-microsecond strings in numeric order: a longer string is a later time. Ties in length compare as text,
     * which for digits is numeric order.
     */
    private static final Comparator<RemoteVersion> OLDEST_FIRST =
            Comparator.comparing((RemoteVersion v) -> v.version().length()).thenComparing(RemoteVersion::version);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> headers() {
        return HEADERS;
    }

    @Override
    public Map<String, String> downloadHeaders() {
        return Map.of();
    }

    /** Under the beta shapes the content endpoint is part of the API: every error is a failure. */
    @Override
    public boolean refusesDownload(SkillsApiException failure) {
        return false;
    }

    /** The beta reference documents no limit beyond uniqueness, which only the server can check. */
    @Override
    public Optional<String> displayTitleProblem(String displayTitle) {
        return Optional.empty();
    }

    @Override
    public boolean uniqueDisplayTitles() {
        return true;
    }

    @Override
    public boolean deletesVersionsWithSkill() {
        return false;
    }

    @Override
    public boolean isVersionIdentifier(String version) {
        return version != null && EPOCH_MICROS.matcher(version).matches();
    }

    @Override
    public Optional<String> latestVersionAlias() {
        return Optional.empty();
    }

    @Override
    public String titlePartName() {
        return "display_title";
    }

    @Override
    public int skillsPageLimit() {
        return 100;
    }

    @Override
    public int versionsPageLimit() {
        return 1000;
    }

    @Override
    public RemoteSkill readSkill(JsonNode skill) {
        return new RemoteSkill(
                required(skill, "id"),
                text(skill, "display_title"),
                text(skill, "latest_version"),
                text(skill, "source"),
                text(skill, "created_at"),
                text(skill, "updated_at"));
    }

    @Override
    public RemoteVersion readVersion(JsonNode version) {
        return new RemoteVersion(
                text(version, "id"),
                text(version, "skill_id"),
                required(version, "version"),
                text(version, "name"),
                text(version, "description"),
                text(version, "directory"),
                text(version, "created_at"));
    }

    @Override
    public Optional<String> nextPage(JsonNode page) {
        JsonNode hasMore = page.get("has_more");
        if (hasMore != null && !hasMore.asBoolean()) {
            return Optional.empty();
        }
        return Optional.ofNullable(text(page, "next_page"));
    }

    @Override
    public List<RemoteVersion> newestFirst(List<RemoteVersion> listed) {
        return listed.stream().sorted(OLDEST_FIRST.reversed()).toList();
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("it has no \"" + field + "\"");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
