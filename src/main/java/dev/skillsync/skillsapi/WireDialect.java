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

    /** Headers sent with every call besides the key and {@code anthropic-version}, e.g. {@code anthropic-beta}. */
    Map<String, String> headers();

    /** Name of the multipart text part that carries a new skill's title. */
    String titlePartName();

    /** Name of the multipart part that carries one file; the file's path travels as its filename. */
    String filePartName();

    /** Query parameters that restrict the skill list to the organisation's own skills. */
    Map<String, String> customSkillsFilter();

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
