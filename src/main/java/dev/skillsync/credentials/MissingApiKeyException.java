package dev.skillsync.credentials;

import dev.skillsync.failure.SkillFailure;
import dev.skillsync.resource.SkillConditions;

/**
 * No usable API key for a Skill. Retried: the Secret may yet be created, and Secrets are read, not watched. The
 * message names what is missing, never a secret value.
 */
public class MissingApiKeyException extends SkillFailure {

    public MissingApiKeyException(String message) {
        super(SkillConditions.AUTHENTICATION_FAILED, false, "no API key: " + message, null);
    }
}
