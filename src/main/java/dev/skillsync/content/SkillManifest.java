package dev.skillsync.content;

/** The fields of the {@code SKILL.md} front matter the Skills API requires. */
public record SkillManifest(String name, String description) {}
