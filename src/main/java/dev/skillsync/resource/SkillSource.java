package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

@ValidationRule(value = "has(self.configMap) != has(self.oci)", message = "exactly one of configMap or oci must be set")
public class SkillSource {

    @JsonPropertyDescription("Skill files from a ConfigMap in the Skill's namespace.")
    private ConfigMapSource configMap;

    @JsonPropertyDescription("Skill files from an OCI artifact in a container registry.")
    private OciSource oci;

    public ConfigMapSource getConfigMap() {
        return configMap;
    }

    public void setConfigMap(ConfigMapSource configMap) {
        this.configMap = configMap;
    }

    public OciSource getOci() {
        return oci;
    }

    public void setOci(OciSource oci) {
        this.oci = oci;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkillSource that
                && Objects.equals(configMap, that.configMap)
                && Objects.equals(oci, that.oci);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configMap, oci);
    }
}
