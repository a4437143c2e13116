package dev.skillsync.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Answers a registry's {@code WWW-Authenticate} challenges for one resolve or pull: Basic with the credentials,
 * or Bearer with a token from the token service the challenge names (realm, service, scope), asked for with the
 * credentials or anonymously. Tokens are shared between operations through the {@link TokenCache}.
 */
final class RegistryAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Token answers are small JSON documents; nothing larger is read. */
    private static final int MAX_TOKEN_RESPONSE = 1024 * 1024;
    /** The token specification's lifetime for answers that do not give one. */
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final TokenCache tokens;
    private final String registry;
    private final Optional<RegistryCredentials> credentials;
    private final boolean insecure;
    private final String pullScope;
    private final TokenCache.Key pullScopeKey;

    /** The Authorization header value in use; null before the first challenge when no token was cached. */
    private String authorization;
    /** The cache entry of {@link #authorization} when it is a token, so that a refused token leaves the cache. */
    private TokenCache.Key authorizationKey;

    RegistryAuthenticator(
            OkHttpClient http,
            TokenCache tokens,
            OciReference reference,
            Optional<RegistryCredentials> credentials,
            boolean insecure) {
        this.http = http;
        this.tokens = tokens;
        this.registry = reference.registry();
        this.credentials = credentials;
        this.insecure = insecure;
        this.pullScope = "repository:" + reference.repository() + ":pull";
        this.pullScopeKey = tokens.key(registry, pullScope, credentials);
        tokens.get(pullScopeKey).ifPresent(token -> use("Bearer " + token, pullScopeKey));
    }

    /** The Authorization header to send, if any yet. */
    Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** The registry refused what was sent: a cached token must not be offered again. */
    void rejected() {
        if (authorizationKey != null) {
            tokens.remove(authorizationKey);
        }
        authorization = null;
        authorizationKey = null;
    }

    /**
     * Prepares the answer to the challenges of a 401 response, for the request to be sent again.
     *
     * @throws OciException UNAUTHORIZED when the challenge cannot be met with the credentials at hand
     */
    void challenged(Response unauthorized) throws OciException {
        String rejectedHeader = authorization;
        rejected();
        List<Challenge> challenges = unauthorized.challenges();
        Optional<Challenge> bearer = challenges.stream()
                .filter(c -> c.scheme().equalsIgnoreCase("Bearer"))
                .findFirst();
        if (bearer.isPresent()) {
            answerBearer(bearer.get(), rejectedHeader);
        } else if (challenges.stream().anyMatch(c -> c.scheme().equalsIgnoreCase("Basic"))) {
            RegistryCredentials basic = credentials.orElseThrow(() -> new OciException(
                    OciException.Kind.UNAUTHORIZED,
                    "registry " + registry + " requires credentials: set spec.source.oci.secretRef to a"
                            + " kubernetes.io/dockerconfigjson Secret with an entry for " + registry));
            use(Credentials.basic(basic.username(), basic.password(), StandardCharsets.UTF_8), null);
        } else {
            throw new OciException(
                    OciException.Kind.UNAUTHORIZED,
                    "registry " + registry + " answered HTTP 401"
                            + (challenges.isEmpty()
                                    ? " without an authentication challenge"
                                    : " asking for unsupported authentication "
                                            + challenges.get(0).scheme()));
        }
    }

    private void answerBearer(Challenge challenge, String rejectedHeader) throws OciException {
        String scope = challenge.authParams().getOrDefault("scope", pullScope);
        TokenCache.Key key = tokens.key(registry, scope, credentials);
        Optional<String> cached =
                tokens.get(key).map("Bearer "::concat).filter(header -> !header.equals(rejectedHeader));
        if (cached.isPresent()) {
            use(cached.get(), key);
            return;
        }
        TokenGrant grant = requestToken(challenge, scope);
        tokens.put(key, grant.token(), grant.lifetime());
        use("Bearer " + grant.token(), key);
    }

    private record TokenGrant(String token, Duration lifetime) {}

    private TokenGrant requestToken(Challenge challenge, String scope) throws OciException {
        String realmParameter = challenge.authParams().get("realm");
        HttpUrl realm = realmParameter == null ? null : HttpUrl.parse(realmParameter);
        if (realm == null) {
            throw new OciException(
                    OciException.Kind.REGISTRY_ERROR,
                    "registry " + registry + " asked for a Bearer token without naming a valid token service (realm)");
        }
        if (credentials.isPresent() && !realm.isHttps() && !insecure) {
            throw new OciException(
                    OciException.Kind.REGISTRY_ERROR,
                    "the token service of registry " + registry
                            + " at " + realm.host() + " uses plain HTTP: credentials are sent over plain HTTP only when"
                            + " spec.source.oci.insecure is true");
        }
        HttpUrl.Builder url = realm.newBuilder().addQueryParameter("scope", scope);
        String service = challenge.authParams().get("service");
        if (service != null) {
            url.addQueryParameter("service", service);
        }
        Request.Builder request = new Request.Builder().url(url.build()).get();
        credentials.ifPresent(c ->
                request.header("Authorization", Credentials.basic(c.username(), c.password(), StandardCharsets.UTF_8)));
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() == 401 || response.code() == 403) {
                throw new OciException(
                        OciException.Kind.UNAUTHORIZED,
                        "the token service of registry " + registry
                                + (credentials.isPresent()
                                        ? " rejected the credentials: "
                                        : " refused an anonymous token (set spec.source.oci.secretRef): ")
                                + RegistryErrors.describe(response));
            }
            if (!response.isSuccessful()) {
                throw new OciException(
                        OciException.Kind.REGISTRY_ERROR,
                        "the token service of registry " + registry + " answered " + RegistryErrors.describe(response));
            }
            return readGrant(response.body());
        } catch (IOException e) {
            throw new OciException(
                    OciException.Kind.UNREACHABLE,
                    "cannot reach the token service of registry " + registry + " at " + realm.host() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private TokenGrant readGrant(ResponseBody body) throws IOException, OciException {
        byte[] document;
        try (InputStream in = body.byteStream()) {
            document = in.readNBytes(MAX_TOKEN_RESPONSE + 1);
        }
        JsonNode grant = document.length > MAX_TOKEN_RESPONSE ? null : readJson(document);
        String token = grant == null
                ? ""
                : grant.path("token").asText(grant.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new OciException(
                    OciException.Kind.REGISTRY_ERROR,
                    "the token service of registry " + registry + " answered without a token");
        }
        // The token goes into a header: anything but visible ASCII could smuggle in more headers.
        if (!token.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new OciException(
                    OciException.Kind.REGISTRY_ERROR,
                    "the token service of registry " + registry + " answered with a malformed token");
        }
        long seconds = grant.path("expires_in").asLong(0);
        return new TokenGrant(token, seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TOKEN_LIFETIME);
    }

    private static JsonNode readJson(byte[] document) {
        try {
            JsonNode node = JSON.readTree(document);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void use(String header, TokenCache.Key key) {
        authorization = header;
        authorizationKey = key;
    }
}
