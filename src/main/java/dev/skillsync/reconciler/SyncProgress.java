package dev.skillsync.reconciler;

import dev.skillsync.resource.PendingCreate;
import java.util.List;

/** What a sync records in the cluster as it goes, so that a crash at any point is recovered without duplicates. */
public interface SyncProgress {

    /** Called before a remote create; returns once the intent is stored. */
    void createStarting(PendingCreate pendingCreate);

    /**
     * Called before a version is uploaded; returns once the intent is stored, so that a crash before the answer is
     * recorded makes the next sync read the remote skill instead of uploading again. Reconciling=True shows meanwhile.
     */
    void versionUploadStarting(String skillId, String contentHash);

    /** Called right after a remote skill was created or adopted; returns once its ID is stored. */
    void skillIdentified(String skillId);

    void versionCreated(String skillId, String version, String contentHash);

    void versionsPruned(String skillId, List<String> versions, int kept);

    void normalEvent(String reason, String message);

    void warningEvent(String reason, String message);
}
