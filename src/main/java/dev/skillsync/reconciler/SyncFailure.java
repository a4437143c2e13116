package dev.skillsync.reconciler;

import java.time.Duration;

/** A sync that cannot complete now, with the Ready reason and the message the user sees. */
public class SyncFailure extends Exception {

    private final String reason;
    private final boolean stalled;
    private final Duration retryAfter;

    public SyncFailure(String reason, String message, boolean stalled, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.stalled = stalled;
        this.retryAfter = retryAfter;
    }

    public String reason() {
        return reason;
    }

    public boolean stalled() {
        return stalled;
    }

    /** When to retry; null to wait for a change or the interval. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
