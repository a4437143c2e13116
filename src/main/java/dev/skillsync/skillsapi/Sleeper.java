package dev.skillsync.skillsapi;

import java.time.Duration;

/** Waits between retries; a seam so that tests neither wait nor guess the delays asked for. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
