package dev.skillsync.oci;

import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Resolves and pulls skill artifacts from OCI registries (distribution API): manifests by tag or digest, blobs,
 * anonymous, Basic or Bearer-token authentication. Everything downloaded is checked against its digest and counted
 * against the size limits. Thread-safe; one instance serves all Skills.
 */
public final class OciRegistryClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OciRegistryClient.class);
    /** The distribution registry's own limit for manifests. */
    private static final long MAX_MANIFEST_SIZE = 4L * 1024 * 1024;

    private final OciClientSettings settings;
    private final RegistryHttpClients httpClients;
    private final TokenCache tokens;

    public OciRegistryClient(OciClientSettings settings) {
        this.settings = settings;
        this.httpClients = new RegistryHttpClients(settings.connectTimeout(), settings.callTimeout());
        this.tokens = new TokenCache(Clock.systemUTC());
    }

    /**
     * The digest the reference's tag (or digest) currently names, from a manifest HEAD request.
     *
     * @return the manifest digest, {@code sha256:<hex>}
     * @throws OciException NOT_FOUND when the tag does not exist, UNAUTHORIZED, UNREACHABLE, REGISTRY_ERROR, or
     *                      INVALID_CONTENT when the reference names an image index
     */
    public String resolveDigest(
            OciReference reference, Optional<RegistryCredentials> credentials, RegistryConnection connection)
            throws OciException {
        RegistrySession session = session(reference, credentials, connection);
        String what = "the manifest of " + reference;
        RegistrySession.ManifestInfo head = session.headManifest(reference.reference());
        if (MediaTypes.INDEXES.contains(head.mediaType())) {
            throw Manifest.notAnArtifact(what, head.mediaType());
        }
        Optional<String> digest = head.digest().filter(Digests::isValid);
        if (digest.isPresent()) {
            return reference.digest() != null ? reference.digest() : digest.get();
        }
        // A registry need not send Docker-Content-Digest; the hash of the manifest itself is the digest then.
        RegistrySession.FetchedManifest manifest =
                session.getManifest(reference.reference(), manifestBudget(reference));
        Manifest.parse(manifest.content(), manifest.mediaType(), what);
        return reference.digest() != null ? reference.digest() : Digests.sha256(manifest.content());
    }

    /**
     * Downloads the artifact with this manifest digest from the reference's repository and returns its files.
     *
     * @param digest the manifest digest, as {@link #resolveDigest} returns it
     * @throws OciException INVALID_CONTENT for unsupported layouts, digest mismatches, size limits and unsafe
     *                      archive entries; otherwise as {@link #resolveDigest}
     */
    public PulledArtifact pull(
            OciReference reference,
            String digest,
            Optional<RegistryCredentials> credentials,
            RegistryConnection connection)
            throws OciException {
        if (!Digests.isValid(digest)) {
            throw new IllegalArgumentException("'" + digest + "' is not a manifest digest");
        }
        RegistrySession session = session(reference, credentials, connection);
        SizeBudget download = new SizeBudget(
                settings.maxArtifactSize(),
                "the artifact " + reference + " is larger than skillsync.oci.max-artifact-size ("
                        + settings.maxArtifactSize() + " bytes)");
        SizeBudget unpacked = new SizeBudget(
                settings.maxUnpackedSize(),
                "the files of artifact " + reference + " are larger than skillsync.oci.max-unpacked-size ("
                        + settings.maxUnpackedSize() + " bytes)");

        String what = "manifest " + digest;
        RegistrySession.FetchedManifest fetched = session.getManifest(digest, manifestBudget(reference));
        requireDigest(fetched.content(), digest, what);
        charge(download, fetched.content().length, what);
        Manifest manifest = Manifest.parse(fetched.content(), fetched.mediaType(), what);

        ArtifactFiles files = new ArtifactFiles();
        for (ArtifactLayout.Part part : ArtifactLayout.plan(manifest)) {
            byte[] blob = fetchLayer(session, part, download);
            switch (part.content()) {
                case FILE -> {
                    charge(unpacked, blob.length, part.describe());
                    files.add(part.path(), blob, part.describe());
                }
                case DIRECTORY_ARCHIVE, ROOT_ARCHIVE ->
                    TarUnpacker.unpack(blob, part.path(), unpacked, files, part.describe());
            }
        }
        PulledArtifact artifact = new PulledArtifact(digest, files.relativeToSkillRoot());
        LOG.debugf(
                "Pulled %s@%s: %d layer(s), %d file(s)",
                reference, digest, manifest.layers().size(), artifact.files().size());
        return artifact;
    }

    @Override
    public void close() {
        httpClients.close();
    }

    private RegistrySession session(
            OciReference reference, Optional<RegistryCredentials> credentials, RegistryConnection connection) {
        return new RegistrySession(httpClients.forConnection(connection), tokens, reference, credentials, connection);
    }

    private SizeBudget manifestBudget(OciReference reference) {
        long limit = Math.min(MAX_MANIFEST_SIZE, settings.maxArtifactSize());
        return new SizeBudget(limit, "the manifest of " + reference + " is larger than " + limit + " bytes");
    }

    private static byte[] fetchLayer(RegistrySession session, ArtifactLayout.Part part, SizeBudget download)
            throws OciException {
        Manifest.Layer layer = part.layer();
        try {
            download.requireRoomFor(layer.size());
        } catch (ContentTooLargeException e) {
            throw tooLarge(e, part.describe());
        }
        byte[] blob = session.getBlob(layer.digest(), download);
        requireDigest(blob, layer.digest(), part.describe());
        if (blob.length != layer.size()) {
            throw new OciException(
                    OciException.Kind.INVALID_CONTENT,
                    part.describe() + " has " + blob.length + " bytes but the manifest declares " + layer.size());
        }
        return blob;
    }

    private static void requireDigest(byte[] content, String digest, String what) throws OciException {
        if (!Digests.matches(content, digest)) {
            throw new OciException(
                    OciException.Kind.INVALID_CONTENT,
                    "the registry served content for " + what + " that does not match its digest");
        }
    }

    private static void charge(SizeBudget budget, long bytes, String what) throws OciException {
        try {
            budget.consume(bytes);
        } catch (ContentTooLargeException e) {
            throw tooLarge(e, what);
        }
    }

    private static OciException tooLarge(ContentTooLargeException e, String what) {
        return new OciException(OciException.Kind.INVALID_CONTENT, e.getMessage() + " (at " + what + ")", e);
    }
}
