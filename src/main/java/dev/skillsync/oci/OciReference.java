package dev.skillsync.oci;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One artifact in a registry: the registry's API host ({@code host[:port]}), the repository, and a tag or a digest.
 * The components are validated, because they become parts of registry URLs.
 *
 * @param registry   API host with optional port, e.g. {@code registry.example.com:5000}
 * @param repository repository path, e.g. {@code skills/pdf-tools}
 * @param tag        the tag, or null when pinned by digest
 * @param digest     the digest ({@code sha256:...}), or null when following a tag
 */
public record OciReference(String registry, String repository, String tag, String digest) {

    public static final String DEFAULT_TAG = "latest";

    private static final String SCHEME = "oci://";
    private static final Pattern REGISTRY = Pattern.compile(
            "([a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");
    /** The distribution reference grammar for repository names. */
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");

    private static final int MAX_REPOSITORY_LENGTH = 255;
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public OciReference {
        if (registry == null || !REGISTRY.matcher(registry).matches()) {
            throw new IllegalArgumentException("'" + registry + "' is not a registry host[:port]");
        }
        if (repository == null
                || repository.length() > MAX_REPOSITORY_LENGTH
                || !REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("'" + repository + "' is not a valid repository path: use lower-case"
                    + " letters, digits and separators (. _ -) in components separated by /");
        }
        if ((tag == null) == (digest == null)) {
            throw new IllegalArgumentException(
                    "set either a tag or a digest, not " + (tag == null ? "neither" : "both"));
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + tag + "' is not a valid tag: up to 128 letters, digits, _ . -,"
                    + " not starting with . or -");
        }
        if (digest != null && !Digests.isValid(digest)) {
            throw new IllegalArgumentException(
                    "'" + digest + "' is not a valid digest: use sha256:<64 lower-case hex>");
        }
    }

    /**
     * Reads {@code oci://host[:port]/repository/path} with the Skill's ref. Without tag and digest the tag is
     * {@value #DEFAULT_TAG}. Docker Hub names are rewritten to its API host and {@code library/} namespace.
     *
     * @throws IllegalArgumentException with a message saying what to fix
     */
    public static OciReference parse(String url, String tag, String digest) {
        if (url == null || !url.startsWith(SCHEME)) {
            throw new IllegalArgumentException("url must have the form oci://host[:port]/repository/path");
        }
        String rest = url.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        if (host.contains("@")) {
            // Never echo the url here: the part before @ may be a password.
            throw new IllegalArgumentException("url must not contain credentials; put them in the secretRef Secret");
        }
        if (slash < 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException(
                    "url " + url + " has no repository path: use oci://host[:port]/repository/path");
        }
        String path = rest.substring(slash + 1);
        if (path.contains("@")) {
            throw new IllegalArgumentException("url " + url + " contains a digest: put it in ref.digest instead");
        }
        if (path.contains(":")) {
            throw new IllegalArgumentException("url " + url + " contains a tag: put it in ref.tag instead");
        }
        String registry = host.toLowerCase(Locale.ROOT);
        String repository = path;
        if (DockerHub.isDockerHub(registry)) {
            registry = DockerHub.API_HOST;
            if (!repository.contains("/")) {
                repository = DockerHub.OFFICIAL_NAMESPACE + repository;
            }
        }
        boolean unpinned = isBlank(tag) && isBlank(digest);
        return new OciReference(registry, repository, unpinned ? DEFAULT_TAG : blankToNull(tag), blankToNull(digest));
    }

    /** The tag or digest, as it appears in manifest URLs. */
    public String reference() {
        return digest != null ? digest : tag;
    }

    @Override
    public String toString() {
        return registry + "/" + repository + (digest != null ? "@" + digest : ":" + tag);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
