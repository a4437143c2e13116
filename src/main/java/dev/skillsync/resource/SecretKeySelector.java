package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A key of a Secret in the Skill's own namespace. */
public class SecretKeySelector {

    public static final String DEFAULT_KEY = "api-key";

    @Required
    @JsonPropertyDescription("Name of the Secret, in the Skill's namespace.")
    private String name;

    @Default(DEFAULT_KEY)
    @JsonPropertyDescription("Key within the Secret. Defaults to api-key.")
    private String key = DEFAULT_KEY;

    public SecretKeySelector() {}

    public SecretKeySelector(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String effectiveKey() {
        return key == null || key.isEmpty() ? DEFAULT_KEY : key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretKeySelector that && Objects.equals(name, that.name) && Objects.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, key);
    }
}
