package dev.skillsync.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Pushes blobs and manifests through the distribution API (blob upload, manifest PUT), as ORAS or Flux would. */
public final class ArtifactPusher {

    /** The config ORAS writes for artifacts without one: the empty JSON object. */
    static final String EMPTY_CONFIG_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String baseUrl;
    private final Function<String, String> authorization;

    /**
     * @param authorization the Authorization header for pushing to a repository; null for none
     */
    ArtifactPusher(OkHttpClient http, String baseUrl, Function<String, String> authorization) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** Pushes the layers with an empty config in an OCI image manifest under the tag; returns its digest. */
    public String pushArtifact(String repository, String tag, List<TestLayer> layers) throws IOException {
        return pushArtifact(repository, tag, layers, Map.of());
    }

    /**
     * As {@link #pushArtifact(String, String, List)}, with manifest annotations (ORAS and Flux write a creation time
     * there, so the same files pushed twice get two digests).
     */
    public String pushArtifact(String repository, String tag, List<TestLayer> layers, Map<String, String> annotations)
            throws IOException {
        return pushManifest(
                repository,
                tag,
                MediaTypes.OCI_MANIFEST,
                manifest(
                        repository,
                        MediaTypes.OCI_MANIFEST,
                        EMPTY_CONFIG_MEDIA_TYPE,
                        "{}".getBytes(),
                        layers,
                        annotations));
    }

    /** Pushes the layers as a Docker schema 2 image; returns the manifest digest. */
    String pushDockerImage(String repository, String tag, List<TestLayer> layers) throws IOException {
        return pushManifest(
                repository,
                tag,
                MediaTypes.DOCKER_MANIFEST,
                manifest(
                        repository,
                        MediaTypes.DOCKER_MANIFEST,
                        "application/vnd.docker.container.image.v1+json",
                        "{\"rootfs\":{}}".getBytes(),
                        layers,
                        Map.of()));
    }

    /** Pushes an OCI image index listing the manifest; returns the index digest. */
    String pushIndex(String repository, String tag, String manifestDigest, long manifestSize) throws IOException {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put(
                "manifests",
                List.of(Map.of(
                        "mediaType",
                        MediaTypes.OCI_MANIFEST,
                        "digest",
                        manifestDigest,
                        "size",
                        manifestSize,
                        "platform",
                        Map.of("os", "linux", "architecture", "amd64"))));
        return pushManifest(repository, tag, MediaTypes.OCI_INDEX, JSON.writeValueAsBytes(index));
    }

    byte[] manifest(
            String repository,
            String mediaType,
            String configMediaType,
            byte[] config,
            List<TestLayer> layers,
            Map<String, String> annotations)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", mediaType);
        manifest.put(
                "config",
                Map.of("mediaType", configMediaType, "digest", pushBlob(repository, config), "size", config.length));
        List<Map<String, Object>> descriptors = new ArrayList<>();
        for (TestLayer layer : layers) {
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("mediaType", layer.mediaType());
            descriptor.put("digest", pushBlob(repository, layer.content()));
            descriptor.put("size", layer.content().length);
            if (!layer.annotations().isEmpty()) {
                descriptor.put("annotations", layer.annotations());
            }
            descriptors.add(descriptor);
        }
        manifest.put("layers", descriptors);
        if (!annotations.isEmpty()) {
            manifest.put("annotations", annotations);
        }
        return JSON.writeValueAsBytes(manifest);
    }

    String pushBlob(String repository, byte[] content) throws IOException {
        String digest = Digests.sha256(content);
        HttpUrl start = HttpUrl.get(baseUrl + "/v2/" + repository + "/blobs/uploads/");
        String location;
        try (Response response =
                call(repository, new Request.Builder().url(start).post(RequestBody.create(new byte[0], null)))) {
            expect(response, 202);
            location = response.header("Location");
        }
        HttpUrl upload = start.resolve(location)
                .newBuilder()
                .addQueryParameter("digest", digest)
                .build();
        try (Response response = call(
                repository,
                new Request.Builder()
                        .url(upload)
                        .put(RequestBody.create(content, MediaType.get("application/octet-stream"))))) {
            expect(response, 201);
        }
        return digest;
    }

    String pushManifest(String repository, String tag, String mediaType, byte[] manifest) throws IOException {
        try (Response response = call(
                repository,
                new Request.Builder()
                        .url(baseUrl + "/v2/" + repository + "/manifests/" + tag)
                        .put(RequestBody.create(manifest, MediaType.get(mediaType))))) {
            expect(response, 201);
        }
        return Digests.sha256(manifest);
    }

    private Response call(String repository, Request.Builder request) throws IOException {
        String header = authorization.apply(repository);
        if (header != null) {
            request.header("Authorization", header);
        }
        return http.newCall(request.build()).execute();
    }

    private static void expect(Response response, int status) throws IOException {
        if (response.code() != status) {
            throw new IOException("push failed: " + response.request().method() + " "
                    + response.request().url() + " answered " + response.code() + ": "
                    + response.body().string());
        }
    }
}
