package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import java.util.Objects;

public class Retention {

    public static final int DEFAULT_MAX_VERSIONS = 10;

    @Min(1)
    @Default("10")
    @JsonPropertyDescription(
            "Keep the newest N remote versions and delete older ones. The latest version is never deleted. "
                    + "Defaults to 10; minimum 1.")
    private Integer maxVersions = DEFAULT_MAX_VERSIONS;

    public Retention() {}

    public Retention(Integer maxVersions) {
        this.maxVersions = maxVersions;
    }

    public Integer getMaxVersions() {
        return maxVersions;
    }

    public void setMaxVersions(Integer maxVersions) {
        this.maxVersions = maxVersions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Retention that && Objects.equals(maxVersions, that.maxVersions);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(maxVersions);
    }
}
