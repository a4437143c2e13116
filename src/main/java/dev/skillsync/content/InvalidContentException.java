package dev.skillsync.content;

import java.io.Serial;

/**
 * The skill's files cannot be uploaded as they are. The message says what is wrong, in which file, and what to
 * change; it is written for the user and ends up in the Skill's Ready condition.
 */
public class InvalidContentException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidContentException(String message) {
        super(message);
    }

    /** Keeps the parser's exception as the cause for debug logs; the message alone is meant for the user. */
    public InvalidContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
