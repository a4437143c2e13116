package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

public class OciSource {

    @Required
    @Size(max = 2048)
    @ValidationRule(value = "self.startsWith('oci://')", message = "url must start with oci://")
    @JsonPropertyDescription("Artifact repository, as oci://host[:port]/repository/path.")
    private String url;

    @JsonPropertyDescription("Tag or digest to pull. Default: tag latest.")
    private OciRef ref;

    @JsonPropertyDescription(
            "kubernetes.io/dockerconfigjson Secret in the Skill's namespace with registry credentials.")
    private LocalObjectReference secretRef;

    @JsonPropertyDescription(
            "Secret in the Skill's namespace whose ca.crt key holds the CA certificate of the registry.")
    private LocalObjectReference certSecretRef;

    @JsonPropertyDescription("Talk to the registry over plain HTTP.")
    private Boolean insecure;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public OciRef getRef() {
        return ref;
    }

    public void setRef(OciRef ref) {
        this.ref = ref;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public LocalObjectReference getCertSecretRef() {
        return certSecretRef;
    }

    public void setCertSecretRef(LocalObjectReference certSecretRef) {
        this.certSecretRef = certSecretRef;
    }

    public Boolean getInsecure() {
        return insecure;
    }

    public void setInsecure(Boolean insecure) {
        this.insecure = insecure;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OciSource that
                && Objects.equals(url, that.url)
                && Objects.equals(ref, that.ref)
                && Objects.equals(secretRef, that.secretRef)
                && Objects.equals(certSecretRef, that.certSecretRef)
                && Objects.equals(insecure, that.insecure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, ref, secretRef, certSecretRef, insecure);
    }
}
