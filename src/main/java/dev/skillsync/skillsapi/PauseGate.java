package dev.skillsync.skillsapi;

import java.time.Duration;
import java.util.Optional;

/**
 * The pause the Skills API asks of the whole process: an answer that asks for a wait (429 or 5xx with
 * {@code retry-after}) stops every call, not only the one that got it. Calls pass the gate after taking a permit of
 * the concurrency limit, so at most that many calls reach the API per pause.
 *
 * <p>A call may pass the gate just before another call's answer closes it. The gate therefore opens again only when
 * the wait is over and every call that passed before it closed has been answered; such an answer may ask for a longer
 * wait, which the next calls then keep too. So the calls of one round are all answered before the next round starts,
 * and two rounds are at least one requested wait apart. A call out is bounded by the call timeout, and so is that
 * extra wait.
 */
final class PauseGate {

    private final Sleeper time;
    private boolean paused;
    private long openAtNanos;
    private int pausedBy;
    private int outstanding;

    PauseGate(Sleeper time) {
        this.time = time;
    }

    /** Why a call was not sent: the API asked for a wait longer than the caller may wait. */
    record Closed(int status, Duration remaining) {}

    /**
     * Lets the call pass, or says how much longer the pause lasts. While the pause is over but calls that passed before
     * it are still out, it blocks until they are answered. A call that passes must be {@link #answered} once.
     *
     * @return empty when the call passed, else the wait still ahead and the status that asked for it
     */
    synchronized Optional<Closed> tryPass() throws InterruptedException {
        while (paused) {
            long remaining = openAtNanos - time.nanoTime();
            if (remaining > 0) {
                return Optional.of(new Closed(pausedBy, Duration.ofNanos(remaining)));
            }
            if (outstanding == 0) {
                paused = false;
            } else {
                wait();
            }
        }
        outstanding++;
        return Optional.empty();
    }

    /**
     * A call that passed has its answer, or none.
     *
     * @param pause the wait its answer asks of every call, if any
     */
    synchronized void answered(int status, Optional<Duration> pause) {
        outstanding--;
        if (pause.isPresent()) {
            long openAt = time.nanoTime() + pause.get().toNanos();
            if (!paused || openAt - openAtNanos > 0) {
                openAtNanos = openAt;
                pausedBy = status;
            }
            paused = true;
        }
        notifyAll();
    }
}
