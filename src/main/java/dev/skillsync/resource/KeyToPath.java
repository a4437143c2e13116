package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Maps one ConfigMap key to a file path inside the skill directory. */
public class KeyToPath {

    @Required
    @JsonPropertyDescription("The ConfigMap key (from data or binaryData).")
    private String key;

    @Required
    @JsonPropertyDescription("Relative path of the file in the skill, with / separators, such as scripts/extract.py.")
    private String path;

    public KeyToPath() {}

    public KeyToPath(String key, String path) {
        this.key = key;
        this.path = path;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyToPath that && Objects.equals(key, that.key) && Objects.equals(path, that.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, path);
    }
}
