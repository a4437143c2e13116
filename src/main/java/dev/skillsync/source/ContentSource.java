package dev.skillsync.source;

import dev.skillsync.resource.Skill;

/** Reads the skill files a Skill points at. */
public interface ContentSource {

    /** Whether this source serves the Skill's {@code spec.source}. */
    boolean handles(Skill skill);

    SourceSnapshot fetch(Skill skill) throws SourceException;

    /** Drops whatever the source keeps for a Skill that is gone. */
    default void forget(Skill skill) {}
}
