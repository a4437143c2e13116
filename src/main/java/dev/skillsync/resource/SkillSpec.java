package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

@ValidationRule(
        value = "!has(oldSelf.displayTitle) || (has(self.displayTitle) && self.displayTitle == oldSelf.displayTitle)",
        message = "displayTitle cannot change once set: the Skills API has no way to rename a skill")
@JsonDeserialize(using = SkillSpecDeserializer.class)
public class SkillSpec {

    public static final String DEFAULT_INTERVAL = "10m";
    /** The spec's own field name, which every problem's path starts with. */
    public static final String ROOT = "spec";

    @Size(min = 1)
    @JsonPropertyDescription("Human-readable title of the remote skill. Defaults to \"<namespace>/<name>\". "
            + "Cannot change once set. Must be unique among the organisation's skills.")
    private String displayTitle;

    @Required
    @JsonPropertyDescription("Where the skill files come from: exactly one of configMap or oci.")
    private SkillSource source;

    @Default("10m")
    @Size(max = 32)
    @Pattern("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")
    @ValidationRule(
            value = "duration(self) >= duration('1s')",
            message = "interval must be a duration of at least 1s, such as 30s, 10m or 1h")
    @JsonPropertyDescription("How often the remote skill is checked for drift and an OCI tag is re-resolved, "
            + "as a duration such as 30s, 10m or 1h. Defaults to 10m.")
    private String interval = DEFAULT_INTERVAL;

    @Default("false")
    @JsonPropertyDescription("When true, the operator makes no calls to the Skills API for this Skill.")
    private Boolean suspend = false;

    @JsonPropertyDescription("How many remote versions to keep.")
    private Retention retention;

    @Default("Delete")
    @JsonPropertyDescription("What happens to the remote skill when this resource is deleted: "
            + "Delete removes every version and then the skill; Orphan leaves it in place.")
    private DeletionPolicy deletionPolicy = DeletionPolicy.Delete;

    @JsonPropertyDescription("Secret in the Skill's namespace holding the Skills API key. "
            + "Without it the operator's default key is used.")
    private SecretKeySelector apiKeySecretRef;

    /** Values that could not be read into this model (see {@link SkillSpecDeserializer}); never written back. */
    @JsonIgnore
    private List<SpecProblem> readProblems = List.of();

    public String getDisplayTitle() {
        return displayTitle;
    }

    public void setDisplayTitle(String displayTitle) {
        this.displayTitle = displayTitle;
    }

    public SkillSource getSource() {
        return source;
    }

    public void setSource(SkillSource source) {
        this.source = source;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public Retention getRetention() {
        return retention;
    }

    public void setRetention(Retention retention) {
        this.retention = retention;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public SecretKeySelector getApiKeySecretRef() {
        return apiKeySecretRef;
    }

    public void setApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
        this.apiKeySecretRef = apiKeySecretRef;
    }

    @JsonIgnore
    public boolean isSuspended() {
        return Boolean.TRUE.equals(suspend);
    }

    /** The values left out because they could not be read, each naming its field; empty when all were read. */
    public List<SpecProblem> readProblems() {
        return readProblems;
    }

    void setReadProblems(List<SpecProblem> readProblems) {
        this.readProblems = List.copyOf(readProblems);
    }

    /**
     * Takes the problems found when this same spec was read from the API server. java-operator-sdk reconciles a JSON
     * copy of the Skill it cached, and the values left out are not in that JSON, so the copy alone looks valid.
     */
    public void keepReadProblemsOf(SkillSpec read) {
        this.readProblems = read.readProblems;
    }

    /** Whether the field, or the whole spec, could not be read: its value in this model is then not the user's. */
    public boolean unreadable(String field) {
        return readProblems.stream()
                .anyMatch(p -> p.field().equals(field) || p.field().equals(ROOT));
    }

    public int maxVersions() {
        return retention == null || retention.getMaxVersions() == null
                ? Retention.DEFAULT_MAX_VERSIONS
                : retention.getMaxVersions();
    }

    /**
     * The interval as a duration. Only for a spec that {@link SkillSpecRules} accepted: an unparsable interval is an
     * error the user sees, never replaced by the default.
     *
     * @throws IllegalArgumentException when the interval is not a duration
     */
    public Duration intervalDuration() {
        return GoDuration.parse(interval == null ? DEFAULT_INTERVAL : interval);
    }

    public DeletionPolicy effectiveDeletionPolicy() {
        return deletionPolicy == null ? DeletionPolicy.Delete : deletionPolicy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkillSpec that
                && Objects.equals(displayTitle, that.displayTitle)
                && Objects.equals(source, that.source)
                && Objects.equals(interval, that.interval)
                && Objects.equals(suspend, that.suspend)
                && Objects.equals(retention, that.retention)
                && deletionPolicy == that.deletionPolicy
                && Objects.equals(apiKeySecretRef, that.apiKeySecretRef)
                && readProblems.equals(that.readProblems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                displayTitle, source, interval, suspend, retention, deletionPolicy, apiKeySecretRef, readProblems);
    }
}
