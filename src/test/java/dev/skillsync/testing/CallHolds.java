package dev.skillsync.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The holds a test server has armed: each holds the first call its predicate accepts, once. Safe to use from the
 * server's threads and the test's at once.
 *
 * @param <C> what the server shows a predicate of a call
 */
public final class CallHolds<C> {

    private record Armed<C>(Predicate<C> matches, CallHold hold) {}

    private final List<Armed<C>> armed = new ArrayList<>();
    private final List<CallHold> taken = new ArrayList<>();

    /** Holds the next call the predicate accepts; the description names it in failure messages. */
    public synchronized CallHold arm(String description, Predicate<C> matches) {
        CallHold hold = new CallHold(description);
        armed.add(new Armed<>(matches, hold));
        return hold;
    }

    /** The hold for this call, used up; empty when no armed hold accepts it. */
    public synchronized Optional<CallHold> take(C call) {
        for (Iterator<Armed<C>> it = armed.iterator(); it.hasNext(); ) {
            Armed<C> next = it.next();
            if (next.matches().test(call)) {
                it.remove();
                taken.add(next.hold());
                return Optional.of(next.hold());
            }
        }
        return Optional.empty();
    }

    /** Disarms every hold and drops every call still held: for a server that resets or stops. */
    public synchronized void dropAll() {
        armed.forEach(a -> a.hold().drop());
        taken.forEach(CallHold::drop);
        armed.clear();
        taken.clear();
    }
}
