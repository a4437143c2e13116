package dev.skillsync.resource;

import java.util.Objects;

/** One remote version as the operator knows it. */
public class SkillVersionStatus {

    private String version;
    private String contentHash;
    private String createdAt;

    public SkillVersionStatus() {}

    public SkillVersionStatus(String version, String contentHash, String createdAt) {
        this.version = version;
        this.contentHash = contentHash;
        this.createdAt = createdAt;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkillVersionStatus that
                && Objects.equals(version, that.version)
                && Objects.equals(contentHash, that.contentHash)
                && Objects.equals(createdAt, that.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, contentHash, createdAt);
    }
}
