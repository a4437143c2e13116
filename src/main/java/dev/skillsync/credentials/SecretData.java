package dev.skillsync.credentials;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads one key of a Secret as the API server stores it: base64 in data, or plain text in stringData. */
public final class SecretData {

    private SecretData() {}

    public static Optional<byte[]> value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return Optional.of(Base64.getDecoder().decode(secret.getData().get(key)));
        }
        if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
            return Optional.of(secret.getStringData().get(key).getBytes(StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }
}
