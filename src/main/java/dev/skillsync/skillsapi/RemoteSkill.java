package dev.skillsync.skillsapi;

/**
 * A skill as the Skills API describes it.
 *
 * @param latestVersion the {@link RemoteVersion#version()} of the newest version, null while it has none
 * @param source        {@code custom} for skills an organisation uploaded
 */
public record RemoteSkill(
        String id, String displayTitle, String latestVersion, String source, String createdAt, String updatedAt) {}
