package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A reference to an object by name in the Skill's own namespace. */
public class LocalObjectReference {

    @Required
    @JsonPropertyDescription("Name of the object, in the Skill's namespace.")
    private String name;

    public LocalObjectReference() {}

    public LocalObjectReference(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalObjectReference that && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }
}
