package dev.skillsync.credentials;

import dev.skillsync.config.SkillsyncConfig;
import dev.skillsync.resource.SecretKeySelector;
import dev.skillsync.resource.Skill;
import dev.skillsync.skillsapi.ApiKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * Finds the API key a Skill syncs with: its own Secret, read directly each time (no informer caches Secrets), or the
 * operator's default key; each with its optional workspace (the Secret's {@value #WORKSPACE_ID_KEY} key, or
 * {@code ANTHROPIC_WORKSPACE_ID} for the default key). Either way a rotated key is used at the next sync, without a
 * restart.
 */
@ApplicationScoped
@Startup
public class ApiKeyResolver {

    /** The key of a Skill's Secret that names the workspace its API key acts on. */
    public static final String WORKSPACE_ID_KEY = "workspace-id";

    private final KubernetesClient client;
    private final DefaultApiKey defaultKey;
    private final String defaultWorkspaceId;

    /** Created at startup, so that a key set twice stops the operator before it reconciles anything. */
    public ApiKeyResolver(KubernetesClient client, SkillsyncConfig config) {
        this.client = client;
        this.defaultKey = DefaultApiKey.from(config.api());
        this.defaultWorkspaceId = config.api().workspaceId().orElse(null);
    }

    public ApiKey resolve(Skill skill) throws MissingApiKeyException {
        SecretKeySelector ref = skill.getSpec().getApiKeySecretRef();
        if (ref == null) {
            ApiKey key = defaultKey.get();
            try {
                return key.inWorkspace(defaultWorkspaceId);
            } catch (IllegalArgumentException e) {
                throw new MissingApiKeyException("ANTHROPIC_WORKSPACE_ID is not usable: " + e.getMessage());
            }
        }
        String namespace = skill.getMetadata().getNamespace();
        Secret secret =
                client.secrets().inNamespace(namespace).withName(ref.getName()).get();
        if (secret == null) {
            throw new MissingApiKeyException("Secret " + namespace + "/" + ref.getName() + " not found");
        }
        String key = ref.effectiveKey();
        String value = SecretData.value(secret, key)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse(null);
        if (value == null || value.isBlank()) {
            throw new MissingApiKeyException(
                    "Secret " + namespace + "/" + ref.getName() + " has no non-empty key '" + key + "'");
        }
        ApiKey apiKey;
        try {
            apiKey = ApiKey.of(value);
        } catch (IllegalArgumentException e) {
            // ApiKey's message describes the problem without the value.
            throw new MissingApiKeyException("Secret " + namespace + "/" + ref.getName() + " key '" + key
                    + "' is not a usable API key: " + e.getMessage());
        }
        String workspaceId = SecretData.value(secret, WORKSPACE_ID_KEY)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse(null);
        try {
            return apiKey.inWorkspace(workspaceId);
        } catch (IllegalArgumentException e) {
            throw new MissingApiKeyException("Secret " + namespace + "/" + ref.getName() + " key '" + WORKSPACE_ID_KEY
                    + "' is not a usable workspace ID: " + e.getMessage());
        }
    }
}
