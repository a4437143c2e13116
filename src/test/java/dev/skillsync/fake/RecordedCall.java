package dev.skillsync.fake;

/**
 * One request the fake received and how it answered. The API key is kept only to answer
 * {@link #hasApiKey(String)}; it never shows in {@link #toString()}.
 */
public final class RecordedCall {

    private final String method;
    private final String path;
    private final String query;
    private final int status;
    private final String requestId;
    private final boolean responseLost;
    private final String apiKey;
    private final boolean betaHeader;
    private final String workspaceId;
    private final long receivedNanos;

    RecordedCall(
            String method,
            String path,
            String query,
            int status,
            String requestId,
            boolean responseLost,
            String apiKey,
            boolean betaHeader,
            String workspaceId,
            long receivedNanos) {
        this.betaHeader = betaHeader;
        this.workspaceId = workspaceId;
        this.method = method;
        this.path = path;
        this.query = query;
        this.status = status;
        this.requestId = requestId;
        this.responseLost = responseLost;
        this.apiKey = apiKey;
        this.receivedNanos = receivedNanos;
    }

    /**
     * {@link System#nanoTime()} when the request arrived: how far apart calls came, compared within
     * this JVM (the operator under a {@code @QuarkusTest} reads the same clock).
     */
    public long receivedNanos() {
        return receivedNanos;
    }

    public String method() {
        return method;
    }

    /** The request path without the query, e.g. "/v1/skills/skill_01.../versions". */
    public String path() {
        return path;
    }

    /** The raw query string without "?", empty when the request had none. */
    public String query() {
        return query;
    }

    /** The status the fake answered (or would have answered, when the response was lost). */
    public int status() {
        return status;
    }

    public String requestId() {
        return requestId;
    }

    /** True when the fake applied the request but dropped the connection instead of answering. */
    public boolean responseLost() {
        return responseLost;
    }

    public boolean hasApiKey(String key) {
        return apiKey != null && apiKey.equals(key);
    }

    /** Whether the request carried {@code anthropic-beta: skills-2025-10-02}, i.e. asked for the beta shapes. */
    public boolean betaHeader() {
        return betaHeader;
    }

    /** The {@code anthropic-workspace-id} header, null when the request had none. */
    public String workspaceId() {
        return workspaceId;
    }

    public boolean isWrite() {
        return "POST".equals(method) || "DELETE".equals(method);
    }

    public boolean isRead() {
        return "GET".equals(method);
    }

    @Override
    public String toString() {
        String target = query.isEmpty() ? path : path + "?" + query;
        return method + " " + target + " -> " + status + (responseLost ? " (response lost)" : "") + " [" + requestId
                + "]";
    }
}
