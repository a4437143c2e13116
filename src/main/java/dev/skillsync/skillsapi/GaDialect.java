package dev.skillsync.skillsapi;

import static dev.skillsync.skillsapi.BetaDialect.required;
import static dev.skillsync.skillsapi.BetaDialect.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GA shapes, served to requests without the beta header: {@code display_name} (not unique),
 * {@code latest_version_id}, versions addressed by their opaque {@code id}, pages that end with a null
 * {@code next_page}, a skill deleted together with its versions, and no download.
 */
public final class GaDialect implements WireDialect {

    /** Name in {@code skillsync.api.dialect}. */
    public static final String NAME = "ga";

    static final int MAX_DISPLAY_NAME_LENGTH = 255;
    private static final int MAX_PAGE_LIMIT = 1000;

    /** The list order is not documented: newest first by creation time, the identifier breaking ties. */
    private static final Comparator<RemoteVersion> NEWEST_FIRST = Comparator.comparing(
                    (RemoteVersion v) -> createdAt(v.createdAt()))
            .reversed()
            .thenComparing(RemoteVersion::version, Comparator.reverseOrder());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of();
    }

    @Override
    public Map<String, String> downloadHeaders() {
        return BetaDialect.HEADERS;
    }

    /**
     * The beta endpoint answering that it does not exist, is gone or no longer takes the beta header. A 404 may
     * also mean the version went away meanwhile; comparing by recorded IDs is right then too.
     */
    @Override
    public boolean refusesDownload(SkillsApiException failure) {
        int status = failure.status();
        return status == 400 || status == 404 || status == 405 || status == 410;
    }

    @Override
    public Optional<String> displayTitleProblem(String displayTitle) {
        if (displayTitle.length() > MAX_DISPLAY_NAME_LENGTH) {
            return Optional.of("it is " + displayTitle.length() + " characters long; the Skills API takes at most "
                    + MAX_DISPLAY_NAME_LENGTH);
        }
        if (displayTitle.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            return Optional.of("it spans several lines; the Skills API takes one line");
        }
        return Optional.empty();
    }

    @Override
    public boolean uniqueDisplayTitles() {
        return false;
    }

    @Override
    public boolean deletesVersionsWithSkill() {
        return true;
    }

    /** GA identifiers are opaque; the one thing known is that they are not beta's epoch numbers. */
    @Override
    public boolean isVersionIdentifier(String version) {
        return version != null && !version.isEmpty() && !version.chars().allMatch(Character::isDigit);
    }

    @Override
    public Optional<String> latestVersionAlias() {
        return Optional.of("latest");
    }

    @Override
    public String titlePartName() {
        return "display_name";
    }

    @Override
    public int skillsPageLimit() {
        return MAX_PAGE_LIMIT;
    }

    @Override
    public int versionsPageLimit() {
        return MAX_PAGE_LIMIT;
    }

    @Override
    public RemoteSkill readSkill(JsonNode skill) {
        JsonNode source = skill.get("source");
        return new RemoteSkill(
                required(skill, "id"),
                text(skill, "display_name"),
                text(skill, "latest_version_id"),
                source == null || source.isNull() ? null : text(source, "type"),
                text(skill, "created_at"),
                text(skill, "updated_at"));
    }

    @Override
    public RemoteVersion readVersion(JsonNode version) {
        String id = required(version, "id");
        return new RemoteVersion(
                id,
                text(version, "skill_id"),
                id,
                text(version, "name"),
                text(version, "description"),
                null,
                text(version, "created_at"));
    }

    @Override
    public Optional<String> nextPage(JsonNode page) {
        return Optional.ofNullable(text(page, "next_page")).filter(token -> !token.isEmpty());
    }

    @Override
    public List<RemoteVersion> newestFirst(List<RemoteVersion> listed) {
        return listed.stream().sorted(NEWEST_FIRST).toList();
    }

    /** A missing or unreadable time sorts as the oldest, so that it is never taken for the latest. */
    private static Instant createdAt(String text) {
        if (text == null) {
            return Instant.MIN;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
