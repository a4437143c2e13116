package dev.skillsync.fake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The `name` and `description` of a SKILL.md front matter, checked with the server's rules. */
record SkillFrontMatter(String name, String description) {

    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_DESCRIPTION_LENGTH = 1024;
    private static final List<String> RESERVED_WORDS = List.of("anthropic", "claude");

    private static final Pattern BLOCK =
            Pattern.compile("\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)^---[ \\t]*\\r?$", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[a-z0-9-]+");
    private static final Pattern XML_TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z][^<>]*>");
    private static final YAMLMapper YAML = new YAMLMapper();

    static SkillFrontMatter parse(byte[] skillMd) {
        Matcher block = BLOCK.matcher(new String(skillMd, StandardCharsets.UTF_8));
        if (!block.find()) {
            throw ApiException.invalidRequest(
                    "SKILL.md must start with YAML front matter between '---' lines, holding 'name' and 'description'.");
        }
        JsonNode fields = readYaml(block.group(1));
        return new SkillFrontMatter(validName(text(fields, "name")), validDescription(text(fields, "description")));
    }

    private static JsonNode readYaml(String yaml) {
        JsonNode fields;
        try {
            fields = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw ApiException.invalidRequest("SKILL.md front matter is not valid YAML: " + e.getOriginalMessage());
        }
        if (fields == null || !fields.isObject()) {
            throw ApiException.invalidRequest(
                    "SKILL.md front matter must be a YAML mapping holding 'name' and 'description'.");
        }
        return fields;
    }

    private static String text(JsonNode fields, String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.invalidRequest("SKILL.md front matter must contain '" + field + "'.");
        }
        if (!value.isTextual()) {
            throw ApiException.invalidRequest("'" + field + "' in SKILL.md front matter must be a string.");
        }
        return value.textValue();
    }

    private static String validName(String name) {
        if (name.isEmpty()) {
            throw ApiException.invalidRequest("Skill name in SKILL.md must not be empty.");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            throw ApiException.invalidRequest(
                    "Skill name in SKILL.md must be at most " + MAX_NAME_LENGTH + " characters, found " + length + ".");
        }
        if (XML_TAG.matcher(name).find()) {
            throw ApiException.invalidRequest("Skill name in SKILL.md must not contain XML tags.");
        }
        if (!NAME_CHARACTERS.matcher(name).matches()) {
            throw ApiException.invalidRequest("Skill name in SKILL.md must contain only lowercase letters, digits"
                    + " and hyphens: '" + name + "'.");
        }
        for (String reserved : RESERVED_WORDS) {
            if (name.contains(reserved)) {
                throw ApiException.invalidRequest(
                        "Skill name in SKILL.md must not contain the reserved word '" + reserved + "'.");
            }
        }
        return name;
    }

    private static String validDescription(String description) {
        if (description.isBlank()) {
            throw ApiException.invalidRequest("Skill description in SKILL.md must not be empty.");
        }
        int length = description.codePointCount(0, description.length());
        if (length > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.invalidRequest("Skill description in SKILL.md must be at most " + MAX_DESCRIPTION_LENGTH
                    + " characters, found " + length + ".");
        }
        if (XML_TAG.matcher(description).find()) {
            throw ApiException.invalidRequest("Skill description in SKILL.md must not contain XML tags.");
        }
        return description;
    }
}
