package dev.skillsync.fake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An error response the fake gives instead of handling a request, for the next {@link #times()}
 * requests whose method and path (without query) match. A faulted request changes nothing.
 * <pre>{@code
 * Fault.on("POST", "/v1/skills").status(529).times(2).header("retry-after-ms", "10").build()
 * }</pre>
 */
public final class Fault {

    private final String method;
    private final Pattern path;
    private final int status;
    private final int times;
    private final Map<String, String> headers;
    private final String message;

    private Fault(Builder builder) {
        this.method = builder.method;
        this.path = builder.path;
        this.status = builder.status;
        this.times = builder.times;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.message = builder.message != null ? builder.message
                : "Injected " + ApiException.errorTypeFor(builder.status) + " (HTTP " + builder.status + ")";
    }

    /** Starts a fault for requests with this method and a path fully matching the regex. */
    public static Builder on(String method, String pathRegex) {
        return new Builder(method, pathRegex);
    }

    public int status() {
        return status;
    }

    public int times() {
        return times;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String message() {
        return message;
    }

    boolean matches(String requestMethod, String requestPath) {
        return method.equals(requestMethod) && path.matcher(requestPath).matches();
    }

    @Override
    public String toString() {
        return "Fault[" + method + " " + path + " -> " + status + " x" + times + "]";
    }

    public static final class Builder {

        private final String method;
        private final Pattern path;
        private int status = 500;
        private int times = 1;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String message;

        private Builder(String method, String pathRegex) {
            this.method = method.toUpperCase(Locale.ROOT);
            this.path = Pattern.compile(pathRegex);
        }

        /** The error status to answer with; 500 unless set. The envelope's type follows the status. */
        public Builder status(int status) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("A fault's status must be an error status (400-599), got " + status);
            }
            this.status = status;
            return this;
        }

        /** How many matching requests get the fault; 1 unless set. */
        public Builder times(int times) {
            if (times < 1) {
                throw new IllegalArgumentException("A fault must apply at least once, got times=" + times);
            }
            this.times = times;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** The error envelope's message; a generic one naming the status unless set. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Fault build() {
            return new Fault(this);
        }
    }
}
