package dev.skillsync.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A registry user name and password (or token used as password). {@link #toString()} hides the password. */
public record RegistryCredentials(String username, String password) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * The credentials for a registry from the {@code .dockerconfigjson} of a {@code kubernetes.io/dockerconfigjson}
     * Secret. Keys of {@code auths} match with or without scheme and path ({@code https://host:5000/v1/},
     * {@code host:5000}); an exact key wins over a normalised one. Docker Hub also matches
     * {@code https://index.docker.io/v1/}, the key {@code docker login} writes.
     *
     * @param registry the registry's API host, as in {@link OciReference#registry()}
     * @return empty when no entry is for this registry
     * @throws IllegalArgumentException when the document or the matching entry is malformed; the message never
     *                                  contains any part of the secret's values
     */
    public static Optional<RegistryCredentials> fromDockerConfigJson(byte[] dockerConfigJson, String registry) {
        JsonNode auths = readAuths(dockerConfigJson);
        String host = registry.toLowerCase(Locale.ROOT);
        Map.Entry<String, JsonNode> match = null;
        for (Map.Entry<String, JsonNode> entry : auths.properties()) {
            if (entry.getKey().equalsIgnoreCase(host)) {
                match = entry;
                break;
            }
            if (match == null && isFor(entry.getKey(), host)) {
                match = entry;
            }
        }
        return match == null ? Optional.empty() : Optional.of(fromEntry(match.getKey(), match.getValue()));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***]";
    }

    private static JsonNode readAuths(byte[] dockerConfigJson) {
        JsonNode root;
        try {
            root = JSON.readTree(dockerConfigJson);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending token, which may be part of a password: give the place only.
            throw new IllegalArgumentException("the .dockerconfigjson is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("the .dockerconfigjson cannot be read", e);
        }
        JsonNode auths = root == null ? null : root.get("auths");
        if (auths == null || !auths.isObject()) {
            throw new IllegalArgumentException("the .dockerconfigjson has no \"auths\" object");
        }
        return auths;
    }

    /** Docker's rule: a key names a registry by its host[:port], whatever scheme and path it carries. */
    private static boolean isFor(String key, String registry) {
        String host = key.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return host.equals(registry) || DockerHub.isDockerHub(host) && DockerHub.isDockerHub(registry);
    }

    private static RegistryCredentials fromEntry(String key, JsonNode entry) {
        String auth = text(entry, "auth");
        if (auth != null && !auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getMimeDecoder().decode(auth), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the \"auth\" of auths entry " + key + " is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        "the \"auth\" of auths entry " + key + " is not the base64 of username:password");
            }
            return new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        String username = text(entry, "username");
        String password = text(entry, "password");
        if (username == null || password == null) {
            throw new IllegalArgumentException(
                    "auths entry " + key + " has neither \"auth\" nor \"username\" and" + " \"password\"");
        }
        return new RegistryCredentials(username, password);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
