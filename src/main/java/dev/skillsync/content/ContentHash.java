package dev.skillsync.content;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The content hash of the user contract: SHA-256 over the uploaded files in UTF-8 byte order of their paths; per
 * file the path in UTF-8, 0x00, the length in decimal ASCII, 0x00, the content. Written {@code sha256:<hex>}.
 * Anyone can recompute it outside the cluster, so it must not depend on where the files came from.
 */
public final class ContentHash {

    private static final String PREFIX = "sha256:";

    private ContentHash() {}

    /** @param uploadFiles files by uploaded path ({@code <name>/<relative path>}); the map's own order is ignored */
    public static String of(SortedMap<String, byte[]> uploadFiles) {
        // Sorted again because a caller's map may use String order, which is not UTF-8 byte order.
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(uploadFiles.entrySet());
        entries.sort(Map.Entry.comparingByKey(FileMaps.UTF8_ORDER));
        MessageDigest sha256 = sha256();
        for (Map.Entry<String, byte[]> entry : entries) {
            byte[] content = entry.getValue();
            sha256.update(utf8(entry.getKey()));
            sha256.update((byte) 0);
            sha256.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) 0);
            sha256.update(content);
        }
        return PREFIX + HexFormat.of().formatHex(sha256.digest());
    }

    /** Strict: {@link String#getBytes} would turn a lone surrogate into '?' and let two paths hash alike. */
    private static byte[] utf8(String path) {
        try {
            var encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(path));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("path " + Quote.of(path) + " is not valid Unicode text", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
