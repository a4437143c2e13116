package dev.skillsync.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML front matter of {@code SKILL.md} and applies the rules the Skills API applies to {@code name}
 * and {@code description}, so that bad content is reported before any upload.
 */
public final class FrontMatter {

    private static final String DELIMITER = "---";
    private static final int MAX_NAME_LENGTH = 64;
    private static final int MAX_DESCRIPTION_LENGTH = 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern XML_TAG = Pattern.compile("<[/!?]?[A-Za-z][^<>]*>");
    private static final String[] RESERVED_WORDS = {"anthropic", "claude"};

    // Duplicate keys are rejected: with last-one-wins the user could not tell which name is used.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FrontMatter() {}

    public static SkillManifest parse(byte[] skillMd) throws InvalidContentException {
        JsonNode fields = readYaml(frontMatterOf(decode(skillMd)));
        Problems problems = new Problems();
        String name = text(fields, "name", "name: pdf-tools", problems);
        if (name != null) {
            checkName(name, problems);
        }
        String description = text(fields, "description", "description: Extracts text from PDF files", problems);
        if (description != null) {
            checkDescription(description, problems);
        }
        problems.throwIfAny();
        return new SkillManifest(name, description);
    }

    private static String decode(byte[] skillMd) throws InvalidContentException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(skillMd);
        // UTF-8 never yields more chars than bytes, so the buffer cannot overflow.
        CharBuffer out = CharBuffer.allocate(skillMd.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidContentException("SKILL.md is not valid UTF-8 text (bad byte at offset " + in.position()
                    + "); save it with UTF-8 encoding");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The YAML between the opening and the closing {@code ---} line. */
    private static String frontMatterOf(String text) throws InvalidContentException {
        String[] lines = text.split("\n", -1);
        if (!isDelimiter(lines[0])) {
            throw new InvalidContentException("SKILL.md must start with a '---' line that opens the YAML front matter "
                    + "holding name and description");
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            if (isDelimiter(lines[i])) {
                return yaml.toString();
            }
            yaml.append(stripCarriageReturn(lines[i])).append('\n');
        }
        throw new InvalidContentException(
                "SKILL.md front matter has no closing '---' line; end it with a line " + "holding only '---'");
    }

    private static boolean isDelimiter(String line) {
        return stripCarriageReturn(line).stripTrailing().equals(DELIMITER);
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static JsonNode readYaml(String yaml) throws InvalidContentException {
        JsonNode fields;
        try {
            fields = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidContentException("SKILL.md front matter is not valid YAML: " + describe(e), e);
        }
        if (fields == null || fields.isMissingNode() || fields.isNull()) {
            throw new InvalidContentException("SKILL.md front matter is empty; it needs name and description");
        }
        if (!fields.isObject()) {
            throw new InvalidContentException("SKILL.md front matter must be a YAML mapping with name and description, "
                    + "not " + kindOf(fields));
        }
        return fields;
    }

    /** The parser's problem without its stack trace or code excerpt, with line numbers counted in SKILL.md. */
    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String problem = marked.getProblem() + atLine(marked.getProblemMark());
            Mark contextMark = marked.getContextMark();
            boolean contextElsewhere = contextMark != null
                    && marked.getProblemMark() != null
                    && contextMark.getLine() != marked.getProblemMark().getLine();
            return marked.getContext() == null
                    ? problem
                    : problem + ", " + marked.getContext() + (contextElsewhere ? atLine(contextMark) : "");
        }
        String message = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1
                ? message
                : message + " at line " + (location.getLineNr() + 1);
    }

    /** SnakeYAML counts from 0 and the front matter starts on the second line of SKILL.md. */
    private static String atLine(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 2);
    }

    private static String text(JsonNode fields, String field, String example, Problems problems) {
        JsonNode value = fields.get(field);
        if (value == null) {
            problems.add("SKILL.md front matter has no " + field + "; add a line such as '" + example + "'");
            return null;
        }
        if (value.isNull()) {
            problems.add("SKILL.md front matter: " + field + " is empty; give it a value such as '" + example + "'");
            return null;
        }
        if (!value.isTextual()) {
            problems.add("SKILL.md front matter: " + field + " must be a string, not " + kindOf(value)
                    + "; put the value in quotes");
            return null;
        }
        return value.textValue();
    }

    private static void checkName(String name, Problems problems) {
        String prefix = "SKILL.md front matter: name " + Quote.of(name);
        int length = name.codePointCount(0, name.length());
        if (name.isEmpty()) {
            problems.add("SKILL.md front matter: name is empty; give it a value such as 'name: pdf-tools'");
        } else if (length > MAX_NAME_LENGTH) {
            problems.add(prefix + " is " + length + " characters long; at most " + MAX_NAME_LENGTH + " are allowed");
        } else if (firstTag(name) != null) {
            problems.add(prefix + " must not contain XML tags such as " + Quote.of(firstTag(name)));
        } else if (!NAME.matcher(name).matches()) {
            problems.add(prefix + " may contain only lowercase letters, digits and hyphens");
        } else {
            for (String reserved : RESERVED_WORDS) {
                if (name.contains(reserved)) {
                    problems.add(prefix + " must not contain the reserved word '" + reserved + "'");
                    return;
                }
            }
        }
    }

    private static void checkDescription(String description, Problems problems) {
        int length = description.codePointCount(0, description.length());
        if (description.isBlank()) {
            problems.add("SKILL.md front matter: description is empty; say what the skill does and when to use it");
        } else if (length > MAX_DESCRIPTION_LENGTH) {
            problems.add("SKILL.md front matter: description is " + length + " characters long; at most "
                    + MAX_DESCRIPTION_LENGTH + " are allowed");
        } else if (firstTag(description) != null) {
            problems.add("SKILL.md front matter: description must not contain XML tags such as "
                    + Quote.of(firstTag(description)));
        }
    }

    /** The first XML tag in the text, or null when it has none. */
    private static String firstTag(String text) {
        Matcher matcher = XML_TAG.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

    private static String kindOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
