package dev.skillsync.skillsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When the process-wide gate lets calls pass, in the client's own time. */
@Timeout(30)
class PauseGateTest {

    private final ManualTime time = new ManualTime();
    private final PauseGate gate = new PauseGate(time);

    @Test
    void callsPassFreelyUntilAnAnswerAsksForAWait() throws Exception {
        assertThat(gate.tryPass()).isEmpty();
        assertThat(gate.tryPass()).isEmpty();
        gate.answered(200, Optional.empty());
        gate.answered(503, Optional.empty());

        assertThat(gate.tryPass()).isEmpty();
    }

    @Test
    void anAnswerThatAsksForAWaitStopsEveryCallForThatLong() throws Exception {
        assertThat(gate.tryPass()).isEmpty();
        gate.answered(429, Optional.of(Duration.ofSeconds(5)));

        assertThat(gate.tryPass()).contains(new PauseGate.Closed(429, Duration.ofSeconds(5)));
        time.sleep(Duration.ofSeconds(2));
        assertThat(gate.tryPass()).contains(new PauseGate.Closed(429, Duration.ofSeconds(3)));
        time.sleep(Duration.ofSeconds(3));
        assertThat(gate.tryPass()).isEmpty();
    }

    @Test
    void aShorterWaitAskedLaterDoesNotOpenTheGateEarlier() throws Exception {
        assertThat(gate.tryPass()).isEmpty();
        assertThat(gate.tryPass()).isEmpty();
        gate.answered(503, Optional.of(Duration.ofSeconds(10)));
        gate.answered(429, Optional.of(Duration.ofSeconds(1)));

        assertThat(gate.tryPass()).contains(new PauseGate.Closed(503, Duration.ofSeconds(10)));
    }

    @Test
    void aCallThatPassedBeforeTheGateClosedKeepsItClosedUntilItsAnswerAndThatAnswersWait() throws Exception {
        assertThat(gate.tryPass()).isEmpty(); // out before the gate closes, its answer still to come
        assertThat(gate.tryPass()).isEmpty();
        gate.answered(429, Optional.of(Duration.ofSeconds(5)));
        time.sleep(Duration.ofSeconds(5));

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Thread> waiter = new AtomicReference<>();
            CompletableFuture<Optional<PauseGate.Closed>> next = CompletableFuture.supplyAsync(
                    () -> {
                        waiter.set(Thread.currentThread());
                        try {
                            return gate.tryPass();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    executor);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.WAITING);
            assertThat(next).isNotDone();

            gate.answered(429, Optional.of(Duration.ofSeconds(5)));

            assertThat(next.get(10, TimeUnit.SECONDS)).contains(new PauseGate.Closed(429, Duration.ofSeconds(5)));
        } finally {
            executor.shutdownNow();
        }
    }
}
