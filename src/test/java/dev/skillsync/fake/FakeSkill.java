package dev.skillsync.fake;

import java.time.Instant;

/**
 * A snapshot of a skill held by the fake.
 *
 * @param displayTitle  {@code display_title} under the beta shapes, {@code display_name} under GA
 * @param latestVersion the newest remaining version as the fake's dialect identifies it (beta: epoch microseconds,
 *                      GA: the opaque id), or null when the skill has no versions
 */
public record FakeSkill(String id, String displayTitle, String latestVersion, Instant createdAt, Instant updatedAt) {}
