package dev.skillsync.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The calls the fake answered, in the order it answered them. */
final class CallLog {

    private final List<RecordedCall> calls = new ArrayList<>();

    synchronized void add(RecordedCall call) {
        calls.add(call);
    }

    synchronized List<RecordedCall> snapshot() {
        return List.copyOf(calls);
    }

    synchronized long count(Predicate<RecordedCall> filter) {
        return calls.stream().filter(filter).count();
    }

    synchronized void clear() {
        calls.clear();
    }
}
