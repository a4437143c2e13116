package dev.skillsync.source;

/** A source could not deliver the skill files; the kind decides the Ready reason and whether to retry. */
public class SourceException extends Exception {

    public enum Kind {
        /** The ConfigMap, artifact, tag or Secret does not exist (yet). Retried. */
        NOT_FOUND,
        /** The registry rejected the credentials. Retried at the interval. */
        UNAUTHORIZED,
        /** The files are there but not a valid skill. Waits for a change of content. */
        INVALID_CONTENT,
        /** The source could not be reached. Retried. */
        UNAVAILABLE
    }

    private final Kind kind;

    public SourceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SourceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
