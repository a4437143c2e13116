package dev.skillsync.testing;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A request as a test server's hold predicates see it.
 *
 * @param path the path without the query
 * @param body the body as UTF-8 text where the server shows it (the embedded Kubernetes API and the holding proxy
 *             do), else empty
 */
public record HttpCall(String method, String path, String body) {

    public boolean isPatchOf(String exactPath) {
        return "PATCH".equalsIgnoreCase(method) && path.equals(exactPath);
    }

    /** Accepts calls with this method and a path fully matching the regex. */
    public static Predicate<HttpCall> matching(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return call -> call.method().equalsIgnoreCase(method)
                && path.matcher(call.path()).matches();
    }
}
