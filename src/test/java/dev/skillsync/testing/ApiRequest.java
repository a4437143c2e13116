package dev.skillsync.testing;

/**
 * A request to the Kubernetes API as a hold sees it: method, path without the query, and body text (empty when none).
 */
public record ApiRequest(String method, String path, String body) {

    public boolean isPatchOf(String path) {
        return "PATCH".equals(method) && this.path.equals(path);
    }
}
