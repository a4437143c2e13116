package dev.skillsync.oci;

/**
 * A failure to resolve or pull an artifact. The kind tells the caller what to report; the message tells the user
 * what went wrong, including the registry's own error message, and never contains credentials or tokens.
 */
public class OciException extends Exception {

    public enum Kind {
        /** The repository, tag, digest or a blob does not exist. */
        NOT_FOUND,
        /** The registry or its token service rejected the credentials, or requires some. */
        UNAUTHORIZED,
        /** No connection to the registry: refused, timed out, DNS or TLS failure. */
        UNREACHABLE,
        /** The artifact cannot be a skill: layout, media types, digests, sizes or archive entries. */
        INVALID_CONTENT,
        /** Any other answer from the registry, such as a server error or rate limiting. */
        REGISTRY_ERROR
    }

    private final Kind kind;

    public OciException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OciException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
