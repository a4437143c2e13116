package dev.skillsync.resource;

/** Condition types and reasons of {@code Skill.status.conditions}: part of the user contract, stable. */
public final class SkillConditions {

    public static final String READY = "Ready";
    public static final String RECONCILING = "Reconciling";
    public static final String STALLED = "Stalled";

    public static final String SYNCED = "Synced";
    public static final String PROGRESSING = "Progressing";
    public static final String SOURCE_NOT_FOUND = "SourceNotFound";
    public static final String INVALID_CONTENT = "InvalidContent";
    /** A spec value the operator cannot use, which a current API server's schema would have refused. */
    public static final String INVALID_SPEC = "InvalidSpec";

    public static final String AUTHENTICATION_FAILED = "AuthenticationFailed";
    public static final String RATE_LIMITED = "RateLimited";
    public static final String API_ERROR = "ApiError";
    public static final String SKILL_NOT_FOUND = "SkillNotFound";
    public static final String SUSPENDED = "Suspended";
    public static final String DELETING = "Deleting";
    public static final String DELETION_BLOCKED = "DeletionBlocked";
    public static final String AMBIGUOUS_CREATE = "AmbiguousCreate";
    public static final String TITLE_CONFLICT = "TitleConflict";

    private SkillConditions() {}
}
