package dev.skillsync.fake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque `next_page` token: "page_" and base64 of the list it belongs to and the cursor of the
 * last item served, so a page stays right when items are added or deleted between calls.
 */
final class PageToken {

    private static final String PREFIX = "page_";

    private PageToken() {}

    static String encode(String list, long cursor) {
        byte[] raw = (list + "|" + cursor).getBytes(StandardCharsets.UTF_8);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The cursor held by {@code token}, which must have been issued for {@code list}. */
    static long decode(String token, String list) {
        String expectedStart = list + "|";
        try {
            if (token.startsWith(PREFIX)) {
                String raw = new String(
                        Base64.getUrlDecoder().decode(token.substring(PREFIX.length())), StandardCharsets.UTF_8);
                if (raw.startsWith(expectedStart)) {
                    return Long.parseLong(raw.substring(expectedStart.length()));
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64 or not a number: reported below like any other foreign token.
        }
        throw ApiException.invalidRequest("Invalid page token '" + token
                + "': pass the next_page value of the previous response of the same list.");
    }
}
