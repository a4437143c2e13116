package dev.skillsync.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call that a test server holds at a point of its handling: the server's thread waits there until the test
 * {@linkplain #release() releases} the call (it goes on as if it had never been held) or {@linkplain #drop() drops} it
 * (it ends there, unanswered). The test learns from {@link #awaitHeld} that the call has reached the point, and can
 * then act meanwhile, such as kill the client that sent it.
 */
public final class CallHold implements AutoCloseable {

    /** A held call nobody lets go on is dropped after this, so that a failed test never leaves a server thread stuck. */
    private static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

    private final String description;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CompletableFuture<Boolean> goOn = new CompletableFuture<>();

    CallHold(String description) {
        this.description = description;
    }

    /** Waits until the call is held; fails, naming the call, when none came within the timeout. */
    public void awaitHeld(Duration timeout) throws InterruptedException {
        if (!held.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no call " + description + " reached the server within " + timeout.toSeconds()
                    + "s, so it could not be held there");
        }
    }

    /** Lets the held call go on; a call not yet held will go on without waiting. */
    public void release() {
        goOn.complete(true);
    }

    /** Ends the held call where it is, unanswered; a call not yet held will end as soon as it comes. */
    public void drop() {
        goOn.complete(false);
    }

    /** On the server's thread: marks the call held and waits; true when the call is to go on. */
    public boolean hold() {
        held.countDown();
        try {
            return goOn.get(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    /** Releases the call, so that a test that fails while holding it never leaves it waiting. */
    @Override
    public void close() {
        release();
    }

    @Override
    public String toString() {
        return "hold of " + description;
    }
}
