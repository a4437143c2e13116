package dev.skillsync.oci;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens from registries' token services, kept until shortly before they expire. A token is found only
 * with the registry, scope and credentials it was issued for, so one Skill never uses a token obtained with
 * another Skill's credentials. Credentials enter the key as a keyed hash, never in clear.
 */
final class TokenCache {

    /** Tokens held at once; beyond it the least recently used goes. */
    private static final int MAX_TOKENS = 1024;
    /** A token is dropped this long before it expires, so that it does not expire on its way to the registry. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    record Key(String registry, String scope, String credentialId) {}

    private record Token(String value, Instant usableUntil) {

        @Override
        public String toString() {
            return "Token[value=***, usableUntil=" + usableUntil + "]";
        }
    }

    private final Clock clock;
    private final SecretKeySpec credentialHashKey;
    private final Map<Key, Token> tokens = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Token> eldest) {
            return size() > MAX_TOKENS;
        }
    });

    TokenCache(Clock clock) {
        this.clock = clock;
        // A key per process: the hashes cannot be compared with hashes of guessed passwords made elsewhere.
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.credentialHashKey = new SecretKeySpec(key, "HmacSHA256");
    }

    Key key(String registry, String scope, Optional<RegistryCredentials> credentials) {
        return new Key(registry, scope, credentials.map(this::credentialId).orElse("anonymous"));
    }

    Optional<String> get(Key key) {
        Token token = tokens.get(key);
        if (token == null || !clock.instant().isBefore(token.usableUntil())) {
            return Optional.empty();
        }
        return Optional.of(token.value());
    }

    void put(Key key, String token, Duration lifetime) {
        tokens.put(key, new Token(token, clock.instant().plus(lifetime).minus(EXPIRY_MARGIN)));
    }

    void remove(Key key) {
        tokens.remove(key);
    }

    private String credentialId(RegistryCredentials credentials) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(credentialHashKey);
            byte[] username = credentials.username().getBytes(StandardCharsets.UTF_8);
            // The length keeps user "a:b" with password "c" apart from user "a" with password "b:c".
            mac.update(
                    ByteBuffer.allocate(Integer.BYTES).putInt(username.length).array());
            mac.update(username);
            return HexFormat.of().formatHex(mac.doFinal(credentials.password().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }
}
