package dev.skillsync.resource;

/** What happens to the remote skill when its Skill resource is deleted. */
public enum DeletionPolicy {
    /** Delete every remote version, then the skill. */
    Delete,
    /** Leave the remote skill as it is. */
    Orphan
}
