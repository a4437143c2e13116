package dev.skillsync.content;

import dev.skillsync.failure.SkillFailure;
import dev.skillsync.resource.SkillConditions;

/**
 * The skill's files cannot be uploaded as they are; only a change of content helps. The message says what is wrong,
 * in which file, and what to change; it is written for the user and ends up in the Skill's Ready condition.
 */
public class InvalidContentException extends SkillFailure {

    public InvalidContentException(String message) {
        this(message, null);
    }

    /** Keeps the parser's exception as the cause for debug logs; the message alone is meant for the user. */
    public InvalidContentException(String message, Throwable cause) {
        super(SkillConditions.INVALID_CONTENT, true, message, cause);
    }
}
