package dev.skillsync.skillsapi;

import java.time.Duration;

/** Told of every HTTP attempt the client makes, for metrics. */
@FunctionalInterface
public interface ApiCallObserver {

    ApiCallObserver NONE = (operation, status, duration) -> {};

    /**
     * @param operation method and path with identifiers replaced, e.g. {@code POST /v1/skills/{id}/versions}
     * @param status the HTTP status, 0 when no answer came
     */
    void attempted(String operation, int status, Duration duration);
}
