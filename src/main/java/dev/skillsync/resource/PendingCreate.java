package dev.skillsync.resource;

import java.util.Objects;

/** A remote skill create that was started: enough to find the skill again if its response was lost. */
public class PendingCreate {

    private String displayTitle;
    private String contentHash;
    private String startedAt;

    public PendingCreate() {}

    public PendingCreate(String displayTitle, String contentHash, String startedAt) {
        this.displayTitle = displayTitle;
        this.contentHash = contentHash;
        this.startedAt = startedAt;
    }

    public String getDisplayTitle() {
        return displayTitle;
    }

    public void setDisplayTitle(String displayTitle) {
        this.displayTitle = displayTitle;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingCreate that
                && Objects.equals(displayTitle, that.displayTitle)
                && Objects.equals(contentHash, that.contentHash)
                && Objects.equals(startedAt, that.startedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(displayTitle, contentHash, startedAt);
    }
}
