package dev.skillsync.skillsapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wire shapes of one generation of the Skills API (the beta shapes, later the current ones): headers, field
 * names, how a version is identified, page and list order. The client holds everything the generations share.
 */
public interface WireDialect {

    /** The value of {@code skillsync.api.dialect} that selects this dialect. */
    String name();

    /** Headers sent with every call besides the key and {@code anthropic-version}, e.g. {@code anthropic-beta}. */
    Map<String, String> headers();

    /**
     * Headers that ask for the beta content endpoint, which serves a version's files as a zip. Sent with downloads
     * only; empty where every call carries them already.
     */
    Map<String, String> downloadHeaders();

    /**
     * Whether an error answer to a download says that the server serves no downloads to this dialect (the GA API has
     * none, and answers the beta endpoint only while the beta header is honoured), rather than a failed call.
     */
    boolean refusesDownload(SkillsApiException failure);

    /** Why the server would refuse this display title of a new skill, empty when it would take it. */
    Optional<String> displayTitleProblem(String displayTitle);

    /**
     * Whether the server refuses a second skill with a display title already in use. Where it does not, a create
     * whose answer was lost has to be found among skills that merely share the title.
     */
    boolean uniqueDisplayTitles();

    /** Whether deleting a skill deletes its versions with it (else they have to be deleted first). */
    boolean deletesVersionsWithSkill();

    /** Whether the text has the form of this dialect's version identifiers; recorded ones of another form are mapped. */
    boolean isVersionIdentifier(String version);

    /** The path segment that addresses a skill's latest version, empty where there is none. */
    Optional<String> latestVersionAlias();

    /** Name of the multipart text part that carries a new skill's title. */
    String titlePartName();

    /** Page size to ask for when listing skills (the largest the API accepts). */
    int skillsPageLimit();

    /** Page size to ask for when listing versions (the largest the API accepts). */
    int versionsPageLimit();

    /**
     * Reads a skill object.
     *
     * @throws IllegalArgumentException when the object lacks a field the client needs
     */
    RemoteSkill readSkill(JsonNode skill);

    /**
     * Reads a version object; its {@link RemoteVersion#version()} is what this dialect's URLs address versions by.
     *
     * @throws IllegalArgumentException when the object lacks a field the client needs
     */
    RemoteVersion readVersion(JsonNode version);

    /** The token that asks for the page after this one, empty on the last page. */
    Optional<String> nextPage(JsonNode page);

    /** The versions of one skill, newest first, from the order the list call returned them in. */
    List<RemoteVersion> newestFirst(List<RemoteVersion> listed);
}
