package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

@ValidationRule(value = "!(has(self.tag) && has(self.digest))", message = "set either tag or digest, not both")
public class OciRef {

    @JsonPropertyDescription("Tag to pull; re-resolved at the Skill's interval. Default latest.")
    private String tag;

    @Pattern("^sha256:[a-f0-9]{64}$")
    @JsonPropertyDescription("Digest to pull, as sha256:<64 hex>. Never re-resolved.")
    private String digest;

    public OciRef() {}

    public OciRef(String tag, String digest) {
        this.tag = tag;
        this.digest = digest;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OciRef that && Objects.equals(tag, that.tag) && Objects.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, digest);
    }
}
