package dev.skillsync.fake;

import java.time.Instant;

/**
 * A snapshot of a skill held by the fake.
 *
 * @param latestVersion the newest remaining version, or null when the skill has no versions
 */
public record FakeSkill(String id, String displayTitle, String latestVersion, Instant createdAt, Instant updatedAt) {
}
