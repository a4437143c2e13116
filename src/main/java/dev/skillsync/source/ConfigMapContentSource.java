package dev.skillsync.source;

import dev.skillsync.Constants;
import dev.skillsync.content.ConfigMapFiles;
import dev.skillsync.content.InvalidContentException;
import dev.skillsync.resource.ConfigMapSource;
import dev.skillsync.resource.Skill;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;
import java.util.function.Function;

/**
 * Skill files from a ConfigMap. Labelled ConfigMaps come from the watching informer's cache; any other is read
 * directly, which the Skill's interval schedules.
 */
public class ConfigMapContentSource implements ContentSource {

    private final KubernetesClient client;
    private final Function<ResourceID, Optional<ConfigMap>> watchedConfigMaps;

    public ConfigMapContentSource(KubernetesClient client, InformerEventSource<ConfigMap, Skill> watchedConfigMaps) {
        this.client = client;
        this.watchedConfigMaps = watchedConfigMaps::get;
    }

    @Override
    public boolean handles(Skill skill) {
        return skill.getSpec().getSource() != null
                && skill.getSpec().getSource().getConfigMap() != null;
    }

    @Override
    public SourceSnapshot fetch(Skill skill) throws SourceException {
        ConfigMapSource ref = skill.getSpec().getSource().getConfigMap();
        String namespace = skill.getMetadata().getNamespace();
        ConfigMap configMap = watchedConfigMaps
                .apply(new ResourceID(ref.getName(), namespace))
                .orElseGet(() -> client.configMaps()
                        .inNamespace(namespace)
                        .withName(ref.getName())
                        .get());
        if (configMap == null) {
            throw new SourceException(
                    SourceException.Kind.NOT_FOUND, "ConfigMap " + namespace + "/" + ref.getName() + " not found");
        }
        try {
            return new SourceSnapshot(
                    ConfigMapFiles.extract(configMap, ref.getItems()),
                    configMap.getMetadata().getResourceVersion(),
                    isWatched(configMap));
        } catch (InvalidContentException e) {
            throw new SourceException(SourceException.Kind.INVALID_CONTENT, e.getMessage(), e);
        }
    }

    static boolean isWatched(ConfigMap configMap) {
        var labels = configMap.getMetadata().getLabels();
        return labels != null && "true".equals(labels.get(Constants.SOURCE_LABEL));
    }
}
