package dev.skillsync.fake;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An error response the fake gives instead of handling a request, for the next {@link #times()}
 * requests whose method and path (without query) match, or for every such request during a time
 * ({@link Builder#lasting}). A faulted request changes nothing.
 * <pre>{@code
 * Fault.on("POST", "/v1/skills").status(529).times(2).header("retry-after-ms", "10").build()
 * Fault.onEveryRequest().status(429).header("retry-after", "5").lasting(Duration.ofSeconds(20)).build()
 * }</pre>
 */
public final class Fault {

    /** Null: any method. */
    private final String method;

    private final Pattern path;
    private final int status;
    private final int times;
    private final Duration lasting;
    private final Map<String, String> headers;
    private final String message;

    private Fault(Builder builder) {
        this.method = builder.method;
        this.path = builder.path;
        this.status = builder.status;
        this.times = builder.times;
        this.lasting = builder.lasting;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.message = builder.message != null
                ? builder.message
                : "Injected " + ApiException.errorTypeFor(builder.status) + " (HTTP " + builder.status + ")";
    }

    /** Starts a fault for requests with this method and a path fully matching the regex. */
    public static Builder on(String method, String pathRegex) {
        return new Builder(method, pathRegex);
    }

    /** Every request with any method and path: a storm or an outage of the whole API. */
    public static Builder onEveryRequest() {
        return new Builder(null, ".*");
    }

    public int status() {
        return status;
    }

    public int times() {
        return times;
    }

    /** How long the fault answers every matching request after it is injected; null when it counts requests. */
    public Duration lasting() {
        return lasting;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String message() {
        return message;
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equals(requestMethod))
                && path.matcher(requestPath).matches();
    }

    @Override
    public String toString() {
        return "Fault[" + (method == null ? "*" : method) + " " + path + " -> " + status
                + (lasting == null ? " x" + times : " for " + lasting) + "]";
    }

    public static final class Builder {

        private final String method;
        private final Pattern path;
        private int status = 500;
        private int times = 1;
        private Duration lasting;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String message;

        private Builder(String method, String pathRegex) {
            this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
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
            this.lasting = null;
            return this;
        }

        /**
         * Answers every matching request, however many, until this much time has passed since the
         * fault was injected; replaces {@link #times}.
         */
        public Builder lasting(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("A fault must last a positive time, got " + duration);
            }
            this.lasting = duration;
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
