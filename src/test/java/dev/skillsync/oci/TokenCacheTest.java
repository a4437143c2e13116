package dev.skillsync.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private static final String SCOPE = "repository:skills/pdf-tools:pull";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aTokenIsFoundOnlyWithTheCredentialsItWasIssuedFor() {
        TokenCache cache = new TokenCache(Clock.fixed(NOW, ZoneOffset.UTC));
        Optional<RegistryCredentials> reader = Optional.of(new RegistryCredentials("reader", "secret"));
        cache.put(cache.key("ghcr.io", SCOPE, reader), "token-a", Duration.ofMinutes(5));

        assertThat(cache.get(cache.key("ghcr.io", SCOPE, Optional.of(new RegistryCredentials("reader", "secret")))))
                .contains("token-a");
        assertThat(cache.get(cache.key("ghcr.io", SCOPE, Optional.of(new RegistryCredentials("reader", "other")))))
                .isEmpty();
        assertThat(cache.get(cache.key("ghcr.io", SCOPE, Optional.of(new RegistryCredentials("reader:secret", "")))))
                .isEmpty();
        assertThat(cache.get(cache.key("ghcr.io", SCOPE, Optional.empty()))).isEmpty();
        assertThat(cache.get(cache.key("quay.io", SCOPE, reader))).isEmpty();
        assertThat(cache.get(cache.key("ghcr.io", "repository:skills/other:pull", reader)))
                .isEmpty();
    }

    @Test
    void theKeyHoldsNoCredentialInClear() {
        TokenCache cache = new TokenCache(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(cache.key("ghcr.io", SCOPE, Optional.of(new RegistryCredentials("reader", "s3cr3t")))
                        .toString())
                .doesNotContain("s3cr3t");
    }

    @Test
    void aTokenIsDroppedShortlyBeforeItExpires() {
        MutableClock clock = new MutableClock();
        TokenCache cache = new TokenCache(clock);
        TokenCache.Key key = cache.key("ghcr.io", SCOPE, Optional.empty());
        cache.put(key, "token", Duration.ofSeconds(60));

        clock.now = NOW.plusSeconds(49);
        assertThat(cache.get(key)).contains("token");
        clock.now = NOW.plusSeconds(50);
        assertThat(cache.get(key)).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
