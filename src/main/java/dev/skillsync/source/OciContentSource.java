package dev.skillsync.source;

import dev.skillsync.content.SkillFiles;
import dev.skillsync.credentials.SecretData;
import dev.skillsync.oci.OciException;
import dev.skillsync.oci.OciReference;
import dev.skillsync.oci.OciRegistryClient;
import dev.skillsync.oci.PulledArtifact;
import dev.skillsync.oci.RegistryConnection;
import dev.skillsync.oci.RegistryCredentials;
import dev.skillsync.resource.LocalObjectReference;
import dev.skillsync.resource.OciRef;
import dev.skillsync.resource.OciSource;
import dev.skillsync.resource.Skill;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Skill files from an OCI artifact. A tag is resolved to a digest with a manifest HEAD request on every sync (the
 * Skill's interval schedules them); the artifact is pulled only when that digest is not the one last pulled for the
 * Skill. A digest reference is never resolved again.
 */
@ApplicationScoped
public class OciContentSource implements ContentSource {

    static final String DOCKER_CONFIG_KEY = ".dockerconfigjson";
    static final String CA_KEY = "ca.crt";

    private final KubernetesClient client;
    private final OciRegistryClient registry;
    /** The last artifact pulled per Skill UID: one entry per Skill, dropped when the Skill goes. */
    private final Map<String, Pulled> lastPulled = new ConcurrentHashMap<>();

    /** Kept as {@link SkillFiles}, whose copy is made once per pull rather than at every sync. */
    private record Pulled(String digest, SkillFiles files) {}

    public OciContentSource(KubernetesClient client, OciRegistryClient registry) {
        this.client = client;
        this.registry = registry;
    }

    @Override
    public boolean handles(Skill skill) {
        return skill.getSpec().getSource() != null
                && skill.getSpec().getSource().getOci() != null;
    }

    @Override
    public SourceSnapshot fetch(Skill skill) throws SourceException {
        OciSource source = skill.getSpec().getSource().getOci();
        OciRef ref = source.getRef();
        OciReference reference;
        RegistryConnection connection;
        try {
            reference = OciReference.parse(
                    source.getUrl(), ref == null ? null : ref.getTag(), ref == null ? null : ref.getDigest());
            connection = RegistryConnection.of(
                    Boolean.TRUE.equals(source.getInsecure()),
                    source.getCertSecretRef() == null
                            ? null
                            : secretValue(skill, source.getCertSecretRef(), CA_KEY, ""));
        } catch (IllegalArgumentException e) {
            throw new SourceException(SourceException.Kind.INVALID_CONTENT, "spec.source.oci: " + e.getMessage(), e);
        }
        Optional<RegistryCredentials> credentials = credentials(skill, source.getSecretRef(), reference.registry());
        try {
            String digest = reference.digest() != null
                    ? reference.digest()
                    : registry.resolveDigest(reference, credentials, connection);
            String uid = skill.getMetadata().getUid();
            Pulled pulled = lastPulled.get(uid);
            if (pulled == null || !pulled.digest().equals(digest)) {
                PulledArtifact artifact = registry.pull(reference, digest, credentials, connection);
                pulled = new Pulled(artifact.digest(), SkillFiles.of(artifact.files()));
                lastPulled.put(uid, pulled);
            }
            String revision = reference.digest() != null ? digest : reference.tag() + "@" + digest;
            return new SourceSnapshot(pulled.files(), revision, false);
        } catch (OciException e) {
            // The registry client already says when no credentials were sent; name the Secret when some were.
            String message = e.kind() != OciException.Kind.UNAUTHORIZED || source.getSecretRef() == null
                    ? e.getMessage()
                    : e.getMessage() + "; credentials from Secret "
                            + skill.getMetadata().getNamespace() + "/"
                            + source.getSecretRef().getName();
            throw new SourceException(kindOf(e), message, e);
        }
    }

    @Override
    public void forget(Skill skill) {
        lastPulled.remove(skill.getMetadata().getUid());
    }

    private Optional<RegistryCredentials> credentials(Skill skill, LocalObjectReference secretRef, String registryHost)
            throws SourceException {
        if (secretRef == null) {
            return Optional.empty();
        }
        byte[] dockerConfig = secretValue(
                skill, secretRef, DOCKER_CONFIG_KEY, "; create it with kubectl create secret docker-registry");
        try {
            return RegistryCredentials.fromDockerConfigJson(dockerConfig, registryHost);
        } catch (IllegalArgumentException e) {
            throw new SourceException(
                    SourceException.Kind.UNAUTHORIZED,
                    "Secret " + skill.getMetadata().getNamespace() + "/" + secretRef.getName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** A key of a Secret in the Skill's namespace, read directly: no informer caches Secrets. */
    private byte[] secretValue(Skill skill, LocalObjectReference ref, String key, String hint) throws SourceException {
        String namespace = skill.getMetadata().getNamespace();
        Secret secret =
                client.secrets().inNamespace(namespace).withName(ref.getName()).get();
        if (secret == null) {
            throw new SourceException(
                    SourceException.Kind.SECRET_NOT_FOUND, "Secret " + namespace + "/" + ref.getName() + " not found");
        }
        return SecretData.value(secret, key)
                .orElseThrow(() -> new SourceException(
                        SourceException.Kind.SECRET_NOT_FOUND,
                        "Secret " + namespace + "/" + ref.getName() + " has no key " + key + hint));
    }

    private static SourceException.Kind kindOf(OciException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> SourceException.Kind.NOT_FOUND;
            case UNAUTHORIZED -> SourceException.Kind.UNAUTHORIZED;
            case INVALID_CONTENT -> SourceException.Kind.INVALID_CONTENT;
            case UNREACHABLE, REGISTRY_ERROR -> SourceException.Kind.UNAVAILABLE;
        };
    }
}
