package dev.skillsync.skillsapi;

/**
 * One version of a skill as the Skills API describes it.
 *
 * @param version     what URLs address the version by (under the beta shapes the epoch-microsecond string)
 * @param name        the {@code name} of the version's SKILL.md front matter
 * @param description the {@code description} of the version's SKILL.md front matter
 * @param directory   the top-level directory of the uploaded files
 */
public record RemoteVersion(
        String id,
        String skillId,
        String version,
        String name,
        String description,
        String directory,
        String createdAt) {}
