package dev.skillsync.resource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.skillsync.content.Quote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Binds a JSON tree to a model class as strictly as the CRD's schema types would, but never fails: a value that does
 * not fit (an unknown enum value, a string where a number belongs, a list where an object belongs) is left out and
 * recorded as a problem naming its field and what it allows. A resource written past the schema (a CRD applied without
 * it, or a newer CRD than the operator) is then still read, so the informer that watches it keeps running.
 */
final class TolerantReader {

    /** Never more problems than nodes; the bound guards against a field that cannot be removed. */
    private static final int MAX_ATTEMPTS = 256;

    private final ObjectMapper mapper;

    /**
     * @param mixIns pairs of (model class, mix-in) that switch off the model's own tolerant deserializer, so that the
     *               strict binding here does not call back into it
     */
    TolerantReader(Class<?>... mixIns) {
        JsonMapper.Builder builder = JsonMapper.builder()
                // The schema's types are exact: "10" is not an integer, 1.5 not an integer, "true" not a boolean.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Unknown fields are pruned by an API server with the schema; here they are ignored the same way.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Nor is 600 a string.
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        for (int i = 0; i + 1 < mixIns.length; i += 2) {
            builder.addMixIn(mixIns[i], mixIns[i + 1]);
        }
        this.mapper = builder.build();
    }

    record Result<T>(T value, List<SpecProblem> problems) {}

    /** @param root the name of the tree's own field, such as {@code spec}, for the problems' paths */
    <T> Result<T> read(JsonNode tree, Class<T> type, String root, T empty) {
        if (!tree.isObject()) {
            return new Result<>(
                    empty, List.of(new SpecProblem(root, root + " must be an object, but it is " + describe(tree))));
        }
        JsonNode remaining = tree.deepCopy();
        List<SpecProblem> problems = new ArrayList<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                return new Result<>(mapper.treeToValue(remaining, type), List.copyOf(problems));
            } catch (JsonMappingException e) {
                String field = root + pathOf(e);
                JsonNode bad = nodeAt(remaining, e.getPath());
                String value = bad == null ? "cannot be read" : "is " + describe(bad);
                problems.add(new SpecProblem(field, field + " " + value + "; " + expected(e)));
                if (!remove(remaining, e.getPath())) {
                    break;
                }
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new SpecProblem(root, root + " cannot be read: " + e.getMessage()));
                return new Result<>(empty, List.copyOf(problems));
            }
        }
        // Nothing of it is used then, so the problem is the whole of it: no field may be taken for read.
        problems.add(new SpecProblem(root, root + " cannot be read as a whole; correct the fields named here"));
        return new Result<>(empty, List.copyOf(problems));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference reference : path) {
            if (node == null) {
                return null;
            }
            node = reference.getFieldName() != null
                    ? node.get(reference.getFieldName())
                    : reference.getIndex() >= 0 ? node.get(reference.getIndex()) : null;
        }
        return node;
    }

    /** Leaves out the value at the path: a field is removed, a list element set to null. */
    private static boolean remove(JsonNode tree, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = nodeAt(tree, path.subList(0, path.size() - 1));
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (parent instanceof ArrayNode array
                && last.getIndex() >= 0
                && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    /** What the field allows, from the type it is bound to. */
    private static String expected(JsonMappingException e) {
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                ? mismatch.getTargetType()
                : null;
        if (target == null) {
            return "correct its value";
        }
        if (target.isEnum()) {
            return "allowed values are "
                    + Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "it must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "it must be true or false";
        }
        if (target == String.class) {
            return "it must be a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "it must be a list";
        }
        return "it must be an object with the fields of " + target.getSimpleName();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> Quote.of(node.textValue());
            case NUMBER, BOOLEAN -> node.toString();
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
