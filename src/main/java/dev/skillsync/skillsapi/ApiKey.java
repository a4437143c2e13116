package dev.skillsync.skillsapi;

/**
 * An Anthropic API key, with the workspace it acts on when it acts on several. The key leaves this object only as the
 * {@code x-api-key} header and the workspace only as {@code anthropic-workspace-id}, so that no log line, exception
 * message or {@code toString} can show either.
 */
public final class ApiKey {

    private static final String REDACTED = "[redacted]";

    private final String value;
    /** Null when requests name no workspace. */
    private final String workspaceId;

    private ApiKey(String value, String workspaceId) {
        this.value = value;
        this.workspaceId = workspaceId;
    }

    /**
     * Wraps a key, without the whitespace around it (a Secret written with {@code echo} ends in a newline).
     *
     * @throws IllegalArgumentException when the key is blank or holds characters an HTTP header cannot carry; the
     *                                  message never quotes the key
     */
    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "API key is empty: set the key's value in its Secret or ANTHROPIC_API_KEY");
        }
        String key = value.strip();
        // A header value with such characters would be rejected by OkHttp with a message that quotes it.
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("API key contains spaces, control or non-ASCII characters:"
                    + " check that its Secret holds only the key");
        }
        return new ApiKey(key, null);
    }

    /**
     * This key acting on the given workspace; a blank ID names none.
     *
     * @throws IllegalArgumentException when the ID holds characters an HTTP header cannot carry; the message never
     *                                  quotes it
     */
    public ApiKey inWorkspace(String workspaceId) {
        if (workspaceId == null || workspaceId.isBlank()) {
            return new ApiKey(value, null);
        }
        String id = workspaceId.strip();
        if (!id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("workspace ID contains spaces, control or non-ASCII characters:"
                    + " check that its Secret holds only the ID");
        }
        return new ApiKey(value, id);
    }

    /** The workspace for the {@code anthropic-workspace-id} header, null when none is named. */
    String workspaceId() {
        return workspaceId;
    }

    /** The key itself; only for the {@code x-api-key} header. */
    String reveal() {
        return value;
    }

    /** The text with every occurrence of this key blanked out, for text a server or library sends back. */
    String redactFrom(String text) {
        return text == null ? null : text.replace(value, REDACTED);
    }

    /** Two keys are equal when they hold the same key; neither is shown. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
