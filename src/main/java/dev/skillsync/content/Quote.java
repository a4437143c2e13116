package dev.skillsync.content;

/** Quotes user-supplied text for error messages so that control characters and very long values stay readable. */
public final class Quote {

    private static final int MAX_SHOWN = 80;

    private Quote() {}

    public static String of(String text) {
        StringBuilder quoted = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (shown == MAX_SHOWN) {
                quoted.append("...");
                break;
            }
            if (Character.isISOControl(codePoint)) {
                quoted.append(String.format("\\u%04X", codePoint));
            } else {
                quoted.appendCodePoint(codePoint);
            }
            shown++;
            i += Character.charCount(codePoint);
        }
        return quoted.append('\'').toString();
    }
}
