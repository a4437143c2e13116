package dev.skillsync.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry that lies: tampered blobs and manifests, sizes other than declared, odd answers. A real registry
 * verifies what it stores, so a scripted server plays this part.
 */
class OciHostileRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPOSITORY = "skills/pdf-tools";
    private static final byte[] SKILL = "---\nname: pdf-tools\n---\n".getBytes(StandardCharsets.UTF_8);

    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();
    private OciReference reference;

    @BeforeEach
    void startServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requestedPaths.add(request.getPath());
                return routes.getOrDefault(
                        request.getMethod() + " " + request.getPath(), new MockResponse().setResponseCode(404));
            }
        });
        server.start();
        reference = OciReference.parse("oci://127.0.0.1:" + server.getPort() + "/" + REPOSITORY, "1.0.0", null);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Test
    void aBlobThatDoesNotMatchItsDigestIsInvalidContent() throws Exception {
        String manifestDigest = serveManifest(layer(Digests.sha256(SKILL), SKILL.length));
        byte[] tampered = "---\nname: evil-tools\n".getBytes(StandardCharsets.UTF_8);
        route("GET", "/blobs/" + Digests.sha256(SKILL), new MockResponse().setBody(new Buffer().write(tampered)));

        assertThatThrownBy(() -> pull(TestSkill.SETTINGS, manifestDigest))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                .hasMessageContaining("layer " + Digests.sha256(SKILL) + " (SKILL.md) that does not match its digest");
    }

    @Test
    void aManifestThatDoesNotMatchItsDigestIsInvalidContent() throws Exception {
        serveManifest(layer(Digests.sha256(SKILL), SKILL.length));
        String otherDigest = Digests.sha256("another manifest".getBytes(StandardCharsets.UTF_8));
        route(
                "GET",
                "/manifests/" + otherDigest,
                manifestResponse(manifest(layer(Digests.sha256(SKILL), SKILL.length))));

        assertThatThrownBy(() -> pull(TestSkill.SETTINGS, otherDigest))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                .hasMessageContaining("manifest " + otherDigest + " that does not match its digest");
    }

    @Test
    void aBlobLongerThanDeclaredIsCutOffAtTheArtifactLimit() throws Exception {
        String manifestDigest = serveManifest(layer(Digests.sha256(SKILL), SKILL.length));
        route(
                "GET",
                "/blobs/" + Digests.sha256(SKILL),
                new MockResponse().setBody(new Buffer().write(new byte[2 * 1024 * 1024])));

        assertThatThrownBy(() -> pull(TestSkill.settings(64 * 1024, 64 * 1024), manifestDigest))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                .hasMessageContaining("larger than skillsync.oci.max-artifact-size (65536 bytes)");
    }

    @Test
    void aLayerDeclaredLargerThanTheLimitIsNotDownloaded() throws Exception {
        String manifestDigest = serveManifest(layer(Digests.sha256(SKILL), 10L * 1024 * 1024));

        assertThatThrownBy(() -> pull(TestSkill.settings(64 * 1024, 64 * 1024), manifestDigest))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                .hasMessageContaining("max-artifact-size");
        assertThat(requestedPaths).noneMatch(path -> path.contains("/blobs/"));
    }

    @Test
    void aLayerDigestThatIsNotADigestIsRefusedBeforeAnyBlobRequest() throws Exception {
        String manifestDigest = serveManifest(layer("sha256:../../../../v2/other/manifests/latest", SKILL.length));

        assertThatThrownBy(() -> pull(TestSkill.SETTINGS, manifestDigest))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.INVALID_CONTENT))
                .hasMessageContaining("has a layer with an invalid digest");
        assertThat(requestedPaths).noneMatch(path -> path.contains("/blobs/") || path.contains("/other/"));
    }

    @Test
    void aServerErrorCarriesTheRegistrysMessage() {
        String digest = Digests.sha256(SKILL);
        route(
                "GET",
                "/manifests/" + digest,
                new MockResponse()
                        .setResponseCode(500)
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"storage backend unavailable\"}]}"));

        assertThatThrownBy(() -> pull(TestSkill.SETTINGS, digest))
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.REGISTRY_ERROR))
                .hasMessageContaining("HTTP 500 (UNKNOWN: storage backend unavailable)");
    }

    @Test
    void rateLimitingIsARegistryError() {
        route("HEAD", "/manifests/1.0.0", new MockResponse().setResponseCode(429));

        assertThatThrownBy(() -> resolve())
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.REGISTRY_ERROR))
                .hasMessageContaining("rate limiting");
    }

    @Test
    void withoutADigestHeaderTheManifestIsHashed() throws Exception {
        byte[] manifest = manifest(layer(Digests.sha256(SKILL), SKILL.length));
        route("HEAD", "/manifests/1.0.0", new MockResponse().setHeader("Content-Type", MediaTypes.OCI_MANIFEST));
        route("GET", "/manifests/1.0.0", manifestResponse(manifest));

        assertThat(resolve()).isEqualTo(Digests.sha256(manifest));
    }

    @Test
    void aTokenThatCouldInjectHeadersIsRefused() {
        route(
                "HEAD",
                "/manifests/1.0.0",
                new MockResponse()
                        .setResponseCode(401)
                        .setHeader(
                                "WWW-Authenticate", "Bearer realm=\"" + server.url("/token") + "\",service=\"test\""));
        routes.put(
                "GET /token?scope=repository%3A" + REPOSITORY.replace("/", "%2F") + "%3Apull&service=test",
                new MockResponse().setBody("{\"token\":\"abc\\r\\nX-Injected: yes\"}"));

        assertThatThrownBy(() -> resolve())
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.REGISTRY_ERROR))
                .hasMessageContaining("answered with a malformed token");
    }

    @Test
    void aChallengeOfAnUnknownSchemeIsUnauthorized() {
        route(
                "HEAD",
                "/manifests/1.0.0",
                new MockResponse().setResponseCode(401).setHeader("WWW-Authenticate", "Negotiate"));

        assertThatThrownBy(() -> resolve())
                .isInstanceOfSatisfying(
                        OciException.class, e -> assertThat(e.kind()).isEqualTo(OciException.Kind.UNAUTHORIZED))
                .hasMessageContaining("unsupported authentication Negotiate");
    }

    private String resolve() throws OciException {
        try (OciRegistryClient client = new OciRegistryClient(TestSkill.SETTINGS)) {
            return client.resolveDigest(reference, Optional.empty(), RegistryConnection.of(true, null));
        }
    }

    private PulledArtifact pull(OciClientSettings settings, String digest) throws OciException {
        try (OciRegistryClient client = new OciRegistryClient(settings)) {
            return client.pull(reference, digest, Optional.empty(), RegistryConnection.of(true, null));
        }
    }

    private void route(String method, String path, MockResponse response) {
        routes.put(method + " /v2/" + REPOSITORY + path, response);
    }

    /** Serves the manifest under its (correct) digest; returns the digest. */
    private String serveManifest(Map<String, Object> layer) throws IOException {
        byte[] manifest = manifest(layer);
        String digest = Digests.sha256(manifest);
        route("GET", "/manifests/" + digest, manifestResponse(manifest));
        return digest;
    }

    private static MockResponse manifestResponse(byte[] manifest) {
        return new MockResponse()
                .setHeader("Content-Type", MediaTypes.OCI_MANIFEST)
                .setHeader("Docker-Content-Digest", Digests.sha256(manifest))
                .setBody(new Buffer().write(manifest));
    }

    private static Map<String, Object> layer(String digest, long size) {
        return Map.of(
                "mediaType",
                MediaTypes.OCI_LAYER_TAR,
                "digest",
                digest,
                "size",
                size,
                "annotations",
                Map.of(MediaTypes.TITLE_ANNOTATION, "SKILL.md"));
    }

    private static byte[] manifest(Map<String, Object> layer) throws IOException {
        return JSON.writeValueAsBytes(Map.of(
                "schemaVersion",
                2,
                "mediaType",
                MediaTypes.OCI_MANIFEST,
                "config",
                Map.of(
                        "mediaType",
                        ArtifactPusher.EMPTY_CONFIG_MEDIA_TYPE,
                        "digest",
                        Digests.sha256("{}".getBytes(StandardCharsets.UTF_8)),
                        "size",
                        2),
                "layers",
                List.of(layer)));
    }
}
