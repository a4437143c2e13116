package dev.skillsync.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Holds the first API request that matches, until the test releases it: the request has reached the server and is not
 * yet applied, so a change made meanwhile lands before it. Closing releases it, so a failed test never leaves the
 * server stuck; a hold not released within {@link #LONGEST_HOLD} lets the request through by itself.
 */
public final class RequestHold implements AutoCloseable {

    public static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

    private final Predicate<ApiRequest> matcher;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public RequestHold(Predicate<ApiRequest> matcher) {
        this.matcher = matcher;
    }

    /** Whether this hold takes the request: the first matching one only. */
    public boolean claims(ApiRequest request) {
        return !claimed.get() && matcher.test(request) && claimed.compareAndSet(false, true);
    }

    /** Called by the server on the thread answering the claimed request: blocks until released. */
    public void holdHere() {
        held.countDown();
        try {
            released.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a matching request is held; fails the test when none comes. */
    public void awaitHeld(Duration timeout) {
        try {
            if (!held.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no request matching the hold reached the API server within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the held request", e);
        }
    }

    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
    }
}
