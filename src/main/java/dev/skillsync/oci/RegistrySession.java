package dev.skillsync.oci;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP exchanges of one resolve or pull with one repository (OCI distribution API): manifests and blobs,
 * authentication, and the translation of answers into {@link OciException}s.
 */
final class RegistrySession {

    /** What a manifest HEAD or GET tells: its digest, when the registry sends one, and its media type. */
    record ManifestInfo(Optional<String> digest, String mediaType) {}

    record FetchedManifest(byte[] content, String mediaType) {}

    private final OkHttpClient http;
    private final OciReference reference;
    private final RegistryAuthenticator authenticator;
    private final boolean anonymous;
    private final HttpUrl repositoryUrl;

    RegistrySession(
            OkHttpClient http,
            TokenCache tokens,
            OciReference reference,
            Optional<RegistryCredentials> credentials,
            RegistryConnection connection) {
        this.http = http;
        this.reference = reference;
        this.authenticator = new RegistryAuthenticator(http, tokens, reference, credentials, connection.insecure());
        this.anonymous = credentials.isEmpty();
        this.repositoryUrl = HttpUrl.get((connection.insecure() ? "http://" : "https://") + reference.registry()
                + "/v2/" + reference.repository() + "/");
    }

    /** Answers to a manifest HEAD whose reason is worth a GET for the registry's own words. */
    private static final Set<Integer> EXPLAINED_BY_BODY = Set.of(401, 403, 404);

    ManifestInfo headManifest(String tagOrDigest) throws OciException {
        Request request = new Request.Builder()
                .url(manifestUrl(tagOrDigest))
                .head()
                .header("Accept", MediaTypes.MANIFEST_ACCEPT)
                .build();
        try (Response response = execute(request, describeManifest(tagOrDigest))) {
            return new ManifestInfo(
                    Optional.ofNullable(response.header("Docker-Content-Digest")),
                    MediaTypes.essence(response.header("Content-Type")));
        }
    }

    FetchedManifest getManifest(String tagOrDigest, SizeBudget budget) throws OciException {
        Request request = new Request.Builder()
                .url(manifestUrl(tagOrDigest))
                .get()
                .header("Accept", MediaTypes.MANIFEST_ACCEPT)
                .build();
        String subject = describeManifest(tagOrDigest);
        try (Response response = execute(request, subject)) {
            return new FetchedManifest(
                    read(response, budget, subject), MediaTypes.essence(response.header("Content-Type")));
        }
    }

    byte[] getBlob(String digest, SizeBudget budget) throws OciException {
        Request request = new Request.Builder()
                .url(repositoryUrl
                        .newBuilder()
                        .addPathSegment("blobs")
                        .addPathSegment(digest)
                        .build())
                .get()
                .build();
        String subject = "blob " + digest;
        try (Response response = execute(request, subject)) {
            return read(response, budget, subject);
        }
    }

    private HttpUrl manifestUrl(String tagOrDigest) {
        return repositoryUrl
                .newBuilder()
                .addPathSegment("manifests")
                .addPathSegment(tagOrDigest)
                .build();
    }

    private String describeManifest(String tagOrDigest) {
        return (Digests.isValid(tagOrDigest) ? "manifest " : "tag ") + tagOrDigest;
    }

    /** Sends the request, answering one authentication challenge; returns only successful responses. */
    private Response execute(Request request, String subject) throws OciException {
        Response response = send(request);
        if (response.code() == 401) {
            try (Response unauthorized = response) {
                authenticator.challenged(unauthorized);
            }
            response = send(request);
        }
        if (response.isSuccessful()) {
            return response;
        }
        if ("HEAD".equals(request.method()) && EXPLAINED_BY_BODY.contains(response.code())) {
            // An answer to HEAD has no body: the same request as GET carries the registry's own error message.
            // Not for 429 or 5xx, where a second request right away would only add load.
            response.close();
            response = send(request.newBuilder().get().build());
            if (response.isSuccessful()) {
                return response;
            }
        }
        try (Response failed = response) {
            throw failure(failed, subject);
        }
    }

    private Response send(Request request) throws OciException {
        Request.Builder authorized = request.newBuilder();
        authenticator.authorization().ifPresent(header -> authorized.header("Authorization", header));
        try {
            return http.newCall(authorized.build()).execute();
        } catch (SSLException e) {
            throw new OciException(
                    OciException.Kind.UNREACHABLE,
                    "TLS connection to registry " + reference.registry()
                            + " failed: " + e.getMessage() + " (for a registry with a private CA, set"
                            + " spec.source.oci.certSecretRef; for plain HTTP, set insecure: true)",
                    e);
        } catch (IOException e) {
            throw new OciException(
                    OciException.Kind.UNREACHABLE,
                    "cannot reach registry " + reference.registry() + ": " + e.getMessage(),
                    e);
        }
    }

    private OciException failure(Response response, String subject) {
        String where = " in " + reference.registry() + "/" + reference.repository();
        String answer = RegistryErrors.describe(response);
        return switch (response.code()) {
            case 401, 403 -> {
                authenticator.rejected();
                yield new OciException(
                        OciException.Kind.UNAUTHORIZED,
                        "registry " + reference.registry()
                                + " denied access to " + subject + where + ": " + answer
                                + (anonymous ? " (no credentials were sent: set spec.source.oci.secretRef)" : ""));
            }
            case 404 -> new OciException(OciException.Kind.NOT_FOUND, subject + " not found" + where + ": " + answer);
            case 429 ->
                new OciException(
                        OciException.Kind.REGISTRY_ERROR,
                        "registry " + reference.registry() + " is rate limiting requests for " + subject + where + ": "
                                + answer);
            default ->
                new OciException(
                        OciException.Kind.REGISTRY_ERROR,
                        "registry " + reference.registry() + " failed to serve " + subject + where + ": " + answer);
        };
    }

    private byte[] read(Response response, SizeBudget budget, String subject) throws OciException {
        try (InputStream body = budget.meter(response.body().byteStream())) {
            return body.readAllBytes();
        } catch (ContentTooLargeException e) {
            throw new OciException(
                    OciException.Kind.INVALID_CONTENT, e.getMessage() + " (while reading " + subject + ")", e);
        } catch (IOException e) {
            throw new OciException(
                    OciException.Kind.UNREACHABLE,
                    "connection to registry " + reference.registry() + " failed while reading " + subject + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
