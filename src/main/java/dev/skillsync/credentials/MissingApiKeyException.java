package dev.skillsync.credentials;

/** No usable API key for a Skill. The message names what is missing, never a secret value. */
public class MissingApiKeyException extends Exception {

    public MissingApiKeyException(String message) {
        super(message);
    }
}
