package dev.skillsync.resource;

/**
 * A spec value the operator cannot use, such as one a current API server's schema would have refused.
 *
 * @param field the field's path, such as {@code spec.retention.maxVersions}
 * @param message what is wrong and what is allowed, naming the field
 */
public record SpecProblem(String field, String message) {}
