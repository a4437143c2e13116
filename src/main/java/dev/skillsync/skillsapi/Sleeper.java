package dev.skillsync.skillsapi;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time the client waits in: between retries and while the API has paused all calls. A seam so that tests neither
 * wait nor guess the delays asked for; a test's sleeper moves its own clock.
 */
interface Sleeper {

    Sleeper THREAD = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };

    void sleep(Duration duration) throws InterruptedException;

    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}, that {@link #sleep} moves on. */
    long nanoTime();
}
