package dev.skillsync.credentials;

import dev.skillsync.config.SkillsyncConfig;
import dev.skillsync.skillsapi.ApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The operator's own API key, for Skills without {@code apiKeySecretRef}: {@code ANTHROPIC_API_KEY}, or the file
 * {@code ANTHROPIC_API_KEY_FILE} names. The file is read at each use: Kubernetes updates a Secret mounted as a file in
 * place, so a rotated key is used at the next call without a restart. One small read per sync is far cheaper than the
 * API call it is for.
 */
final class DefaultApiKey {

    private final Optional<String> value;
    private final Optional<Path> file;

    private DefaultApiKey(Optional<String> value, Optional<Path> file) {
        this.value = value;
        this.file = file;
    }

    /** @throws IllegalArgumentException when both the key and the key file are set */
    static DefaultApiKey from(SkillsyncConfig.Api api) {
        Optional<String> value = api.key().filter(key -> !key.isBlank());
        if (value.isPresent() && api.keyFile().isPresent()) {
            throw new IllegalArgumentException("set ANTHROPIC_API_KEY (skillsync.api.key) or ANTHROPIC_API_KEY_FILE"
                    + " (skillsync.api.key-file), not both");
        }
        return new DefaultApiKey(value, api.keyFile());
    }

    /** @throws MissingApiKeyException when there is no default key, or its file cannot be read or holds no key */
    ApiKey get() throws MissingApiKeyException {
        if (file.isPresent()) {
            return fromFile(file.get());
        }
        return value.map(ApiKey::of)
                .orElseThrow(() -> new MissingApiKeyException(
                        "no apiKeySecretRef is set and the operator has no default key (ANTHROPIC_API_KEY or"
                                + " ANTHROPIC_API_KEY_FILE)"));
    }

    private static ApiKey fromFile(Path path) throws MissingApiKeyException {
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The exception's message may quote the path, never the content.
            throw new MissingApiKeyException("the operator's key file " + path + " (ANTHROPIC_API_KEY_FILE) cannot be"
                    + " read: " + e.getClass().getSimpleName());
        }
        try {
            return ApiKey.of(content);
        } catch (IllegalArgumentException e) {
            // ApiKey's message describes the problem without the value.
            throw new MissingApiKeyException("the operator's key file " + path + " (ANTHROPIC_API_KEY_FILE) holds no"
                    + " usable API key: " + e.getMessage());
        }
    }
}
