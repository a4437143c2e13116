package dev.skillsync.source;

import dev.skillsync.content.SkillFiles;

/**
 * The skill files as a source holds them now.
 *
 * @param files the files, relative to the skill root
 * @param revision what the files came from: a ConfigMap resourceVersion or an OCI tag@digest
 * @param watched true when a change of the source triggers a sync by itself; false when it is only re-read at the
 *        Skill's interval
 */
public record SourceSnapshot(SkillFiles files, String revision, boolean watched) {}
