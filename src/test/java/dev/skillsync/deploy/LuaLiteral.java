package dev.skillsync.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** Writes JSON as a Lua table constructor, shaped as Argo CD hands a resource to a health script. */
final class LuaLiteral {

    private LuaLiteral() {}

    static String of(JsonNode node) {
        StringBuilder lua = new StringBuilder();
        append(node, lua);
        return lua.toString();
    }

    /** A Lua string literal: printable ASCII as is, every other byte as a decimal escape. */
    static String string(String value) {
        StringBuilder lua = new StringBuilder("\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xff;
            if (unsigned == '"' || unsigned == '\\') {
                lua.append('\\').append((char) unsigned);
            } else if (unsigned >= 0x20 && unsigned < 0x7f) {
                lua.append((char) unsigned);
            } else {
                lua.append(String.format("\\%03d", unsigned));
            }
        }
        return lua.append('"').toString();
    }

    private static void append(JsonNode node, StringBuilder lua) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                lua.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    // A JSON null is an absent key, as in Argo CD.
                    if (!field.getValue().isNull()) {
                        lua.append('[').append(string(field.getKey())).append("]=");
                        append(field.getValue(), lua);
                        lua.append(',');
                    }
                }
                lua.append('}');
            }
            case ARRAY -> {
                lua.append('{');
                for (JsonNode element : node) {
                    append(element, lua);
                    lua.append(',');
                }
                lua.append('}');
            }
            case STRING -> lua.append(string(node.textValue()));
            case NUMBER -> lua.append(node.numberValue().toString());
            case BOOLEAN -> lua.append(node.booleanValue());
            case NULL, MISSING -> lua.append("nil");
            default -> throw new IllegalArgumentException("No Lua literal for a " + node.getNodeType() + " node");
        }
    }
}
