package dev.skillsync.skillsapi;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The client's time in a test: a sleep returns at once, records its length and moves the clock on by it. */
final class ManualTime implements Sleeper {

    /** What a test does when the client sleeps, before the clock moves on. */
    @FunctionalInterface
    interface OnSleep {
        void sleeping(Duration duration) throws InterruptedException;
    }

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final OnSleep onSleep;

    ManualTime() {
        this(duration -> {});
    }

    ManualTime(OnSleep onSleep) {
        this.onSleep = onSleep;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        sleeps.add(duration);
        onSleep.sleeping(duration);
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Every sleep so far, in order. */
    List<Duration> sleeps() {
        return sleeps;
    }
}
