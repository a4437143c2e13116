package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Objects;

public class ConfigMapSource {

    @Required
    @JsonPropertyDescription("Name of the ConfigMap, in the Skill's namespace. Label it skillsync.dev/source=\"true\" "
            + "to have changes synced within seconds; otherwise it is re-read at the Skill's interval.")
    private String name;

    @JsonPropertyDescription("Which keys become which files. Default: every data and binaryData key is a file at the "
            + "skill root, named after its key.")
    private List<KeyToPath> items;

    public ConfigMapSource() {}

    public ConfigMapSource(String name, List<KeyToPath> items) {
        this.name = name;
        this.items = items;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<KeyToPath> getItems() {
        return items;
    }

    public void setItems(List<KeyToPath> items) {
        this.items = items;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigMapSource that
                && Objects.equals(name, that.name)
                && Objects.equals(items, that.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, items);
    }
}
