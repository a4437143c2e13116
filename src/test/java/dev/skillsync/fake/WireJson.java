package dev.skillsync.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The JSON bodies of the Skills API, field for field: the beta shapes as the reference shows them,
 * the GA shapes as the SDKs of August 2026 declare them.
 */
final class WireJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private WireJson() {}

    /** @param skill as {@code dialect} identifies its latest version */
    static ObjectNode skill(FakeSkill skill, FakeDialect dialect) {
        return dialect == FakeDialect.GA ? gaSkill(skill) : betaSkill(skill);
    }

    /** @param version as the beta shapes identify it (the store's form) */
    static ObjectNode version(FakeVersion version, FakeDialect dialect) {
        return dialect == FakeDialect.GA ? gaVersion(version) : betaVersion(version);
    }

    private static ObjectNode gaSkill(FakeSkill skill) {
        ObjectNode node = NODES.objectNode();
        node.put("id", skill.id());
        node.put("type", "skill");
        node.put("created_at", timestamp(skill.createdAt()));
        node.put("updated_at", timestamp(skill.updatedAt()));
        node.put("display_name", skill.displayTitle());
        node.put("latest_version_id", skill.latestVersion());
        node.putObject("source").put("type", "custom");
        return node;
    }

    private static ObjectNode gaVersion(FakeVersion version) {
        ObjectNode node = NODES.objectNode();
        node.put("id", version.id());
        node.put("type", "skill_version");
        node.put("created_at", timestamp(version.createdAt()));
        node.put("description", version.description());
        node.put("skill_id", version.skillId());
        node.put("name", version.name());
        return node;
    }

    private static ObjectNode betaSkill(FakeSkill skill) {
        ObjectNode node = NODES.objectNode();
        node.put("id", skill.id());
        node.put("created_at", timestamp(skill.createdAt()));
        node.put("display_title", skill.displayTitle());
        node.put("latest_version", skill.latestVersion());
        node.put("source", "custom");
        node.put("type", "skill");
        node.put("updated_at", timestamp(skill.updatedAt()));
        return node;
    }

    private static ObjectNode betaVersion(FakeVersion version) {
        ObjectNode node = NODES.objectNode();
        node.put("id", version.id());
        node.put("created_at", timestamp(version.createdAt()));
        node.put("description", version.description());
        node.put("directory", version.directory());
        node.put("name", version.name());
        node.put("skill_id", version.skillId());
        node.put("type", "skill_version");
        node.put("version", version.version());
        return node;
    }

    /** Beta pages say {@code has_more}; GA pages only end with a null {@code next_page}. */
    static ObjectNode page(List<ObjectNode> data, Optional<String> nextPage, FakeDialect dialect) {
        ObjectNode node = NODES.objectNode();
        ArrayNode items = node.putArray("data");
        data.forEach(items::add);
        if (dialect == FakeDialect.BETA) {
            node.put("has_more", nextPage.isPresent());
        }
        node.put("next_page", nextPage.orElse(null));
        return node;
    }

    static ObjectNode deleted(String type, String id) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("type", type);
        return node;
    }

    static ObjectNode error(String errorType, String message, String requestId) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "error");
        ObjectNode error = node.putObject("error");
        error.put("type", errorType);
        error.put("message", message);
        node.put("request_id", requestId);
        return node;
    }

    private static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
