package dev.skillsync.reconciler;

/** How one reconcile ended, as the status aggregator needs it. */
public sealed interface SyncOutcome {

    /** The remote latest version holds the desired content. */
    record Synced(RemoteState remote, String sourceRevision, boolean remoteChecked, String message)
            implements SyncOutcome {}

    /** Work was started and is recorded before a remote call (Ready stays Unknown on a first sync). */
    record InProgress(String message) implements SyncOutcome {}

    /**
     * The sync could not complete.
     *
     * @param stalled true when nothing changes without a change of spec, content or credentials
     * @param remoteChecked true when the Skills API was asked in this reconcile (so the drift check counts as done)
     */
    record Failed(String reason, String message, boolean stalled, boolean remoteChecked) implements SyncOutcome {}

    record Suspended() implements SyncOutcome {}

    record Deleting(String message) implements SyncOutcome {}

    record DeletionBlocked(String message) implements SyncOutcome {}
}
