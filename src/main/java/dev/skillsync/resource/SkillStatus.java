package dev.skillsync.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@JsonDeserialize(using = SkillStatusDeserializer.class)
public class SkillStatus {

    /** The form status is stored in; no operator-wide settings apply to it. */
    private static final ObjectMapper FORM = new ObjectMapper();

    private Long observedGeneration;

    @JsonPropertyDescription("ID of the remote skill.")
    private String skillId;

    @JsonPropertyDescription("The remote skill's latest version.")
    private String latestVersion;

    @JsonPropertyDescription("Content hash (sha256:<hex>) of the latest version's files.")
    private String contentHash;

    @JsonPropertyDescription(
            "Revision of the source the content came from: OCI tag@digest, or the ConfigMap's resourceVersion.")
    private String sourceRevision;

    @JsonPropertyDescription("Remote versions, newest first, at most retention.maxVersions entries.")
    private List<SkillVersionStatus> versions = new ArrayList<>();

    private String lastSyncedAt;

    @JsonPropertyDescription("The value of the skillsync.dev/reconcile-requested-at annotation last handled.")
    private String lastHandledReconcileAt;

    /**
     * Set while a remote create is in flight, so that a crash between the create and recording its ID is recovered
     * by adopting the created skill instead of creating a duplicate. Written as explicit null to clear it under both
     * server-side apply and merge patch.
     */
    @Nullable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyDescription("Internal: a remote create that was started and whose outcome is not yet recorded.")
    private PendingCreate pendingCreate;

    /**
     * Set while a version upload is in flight (the desired content's hash), so that after a crash before its answer
     * was recorded the remote skill is read again instead of trusting status, which would upload a duplicate.
     */
    @Nullable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyDescription(
            "Internal: content hash of a version upload that was started and whose outcome is not yet " + "recorded.")
    private String pendingUpload;

    @JsonPropertyDescription("The skill's name (SKILL.md name), fixed when the remote skill was created.")
    private String skillName;

    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getSkillId() {
        return skillId;
    }

    public void setSkillId(String skillId) {
        this.skillId = skillId;
    }

    public String getLatestVersion() {
        return latestVersion;
    }

    public void setLatestVersion(String latestVersion) {
        this.latestVersion = latestVersion;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public String getSourceRevision() {
        return sourceRevision;
    }

    public void setSourceRevision(String sourceRevision) {
        this.sourceRevision = sourceRevision;
    }

    public List<SkillVersionStatus> getVersions() {
        return versions;
    }

    public void setVersions(List<SkillVersionStatus> versions) {
        this.versions = versions;
    }

    public String getLastSyncedAt() {
        return lastSyncedAt;
    }

    public void setLastSyncedAt(String lastSyncedAt) {
        this.lastSyncedAt = lastSyncedAt;
    }

    public String getLastHandledReconcileAt() {
        return lastHandledReconcileAt;
    }

    public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
        this.lastHandledReconcileAt = lastHandledReconcileAt;
    }

    public PendingCreate getPendingCreate() {
        return pendingCreate;
    }

    public void setPendingCreate(PendingCreate pendingCreate) {
        this.pendingCreate = pendingCreate;
    }

    public String getPendingUpload() {
        return pendingUpload;
    }

    public void setPendingUpload(String pendingUpload) {
        this.pendingUpload = pendingUpload;
    }

    public String getSkillName() {
        return skillName;
    }

    public void setSkillName(String skillName) {
        this.skillName = skillName;
    }

    /** The condition of that type, if status has one. */
    public Optional<Condition> condition(String type) {
        return conditions == null
                ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** A deep copy, through the serialized form, so that every field is copied without being named here. */
    public SkillStatus copy() {
        return FORM.convertValue(this, SkillStatus.class);
    }

    /**
     * Equal when the serialized forms are equal: the status the API server would store. Whether status is written
     * depends on this, so it follows the fields by construction instead of listing them.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SkillStatus that && serializedForm().equals(that.serializedForm());
    }

    @Override
    public int hashCode() {
        return serializedForm().hashCode();
    }

    private JsonNode serializedForm() {
        return FORM.valueToTree(this);
    }
}
