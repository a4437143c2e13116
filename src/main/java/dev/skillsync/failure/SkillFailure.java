package dev.skillsync.failure;

/**
 * Why a Skill cannot be synced now, typed where it arises: the Ready reason a user sees, and whether only a person
 * can fix it (the Skill stalls) or a later try may succeed. The message is written for the user and never holds a
 * secret. {@code dev.skillsync.reconciler.FailurePolicy} turns it into status and the time of the next try.
 */
public class SkillFailure extends Exception {

    private final String reason;
    private final boolean needsPerson;

    protected SkillFailure(String reason, boolean needsPerson, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.needsPerson = needsPerson;
    }

    /** Nothing will change until the spec, the content or the credentials do. */
    public static SkillFailure needsPerson(String reason, String message) {
        return new SkillFailure(reason, true, message, null);
    }

    /** A later try may succeed by itself. */
    public static SkillFailure retryable(String reason, String message, Throwable cause) {
        return new SkillFailure(reason, false, message, cause);
    }

    /** A Ready reason of {@code dev.skillsync.resource.SkillConditions}. */
    public String reason() {
        return reason;
    }

    public boolean needsPerson() {
        return needsPerson;
    }
}
