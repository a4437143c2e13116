package dev.skillsync.source;

import dev.skillsync.failure.SkillFailure;
import dev.skillsync.resource.SkillConditions;

/** A source could not deliver the skill files; the kind gives the Ready reason and whether a retry may help. */
public class SourceException extends SkillFailure {

    public enum Kind {
        /** The ConfigMap, artifact or tag does not exist (yet). Retried. */
        NOT_FOUND(SkillConditions.SOURCE_NOT_FOUND, false),
        /** A Secret the source names (pull credentials, CA) does not exist or lacks its key. Retried. */
        SECRET_NOT_FOUND(SkillConditions.SOURCE_NOT_FOUND, false),
        /** The registry rejected the credentials. Retried: they may be fixed in the Secret, which is not watched. */
        UNAUTHORIZED(SkillConditions.AUTHENTICATION_FAILED, false),
        /** The files are there but not a valid skill. Waits for a change of content. */
        INVALID_CONTENT(SkillConditions.INVALID_CONTENT, true),
        /** The source could not be reached. Retried. */
        UNAVAILABLE(SkillConditions.SOURCE_NOT_FOUND, false);

        private final String reason;
        private final boolean needsPerson;

        Kind(String reason, boolean needsPerson) {
            this.reason = reason;
            this.needsPerson = needsPerson;
        }
    }

    private final Kind kind;

    public SourceException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SourceException(Kind kind, String message, Throwable cause) {
        super(kind.reason, kind.needsPerson, message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
