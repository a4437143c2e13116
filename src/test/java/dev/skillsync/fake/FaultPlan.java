package dev.skillsync.fake;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The injected faults and lost responses still waiting for a matching request. */
final class FaultPlan {

    private final List<ArmedFault> faults = new ArrayList<>();
    private final List<LostResponse> lostResponses = new ArrayList<>();

    synchronized void inject(Fault fault) {
        long endsAt = fault.lasting() == null
                ? 0
                : System.nanoTime() + fault.lasting().toNanos();
        faults.add(new ArmedFault(fault, fault.times(), endsAt));
    }

    synchronized void loseNextResponse(String method, String pathRegex) {
        lostResponses.add(new LostResponse(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex)));
    }

    /**
     * The first armed fault matching the request, used up once; a fault that lasts a time is used
     * until it is over.
     *
     * @param receivedNanos {@link System#nanoTime()} when the request arrived
     */
    synchronized Optional<Fault> takeFault(String method, String path, long receivedNanos) {
        for (Iterator<ArmedFault> it = faults.iterator(); it.hasNext(); ) {
            ArmedFault armed = it.next();
            if (armed.isTimed() && receivedNanos - armed.endsAtNanos >= 0) {
                it.remove();
            } else if (armed.fault.matches(method, path)) {
                if (!armed.isTimed() && --armed.remaining == 0) {
                    it.remove();
                }
                return Optional.of(armed.fault);
            }
        }
        return Optional.empty();
    }

    /** Whether the response to this request is to be dropped; each registration drops one. */
    synchronized boolean takeLostResponse(String method, String path) {
        for (Iterator<LostResponse> it = lostResponses.iterator(); it.hasNext(); ) {
            LostResponse lost = it.next();
            if (lost.method.equals(method) && lost.path.matcher(path).matches()) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    synchronized void clear() {
        faults.clear();
        lostResponses.clear();
    }

    private static final class ArmedFault {

        final Fault fault;
        int remaining;
        /** For a fault that lasts a time: {@link System#nanoTime()} when it ends. */
        final long endsAtNanos;

        ArmedFault(Fault fault, int remaining, long endsAtNanos) {
            this.fault = fault;
            this.remaining = remaining;
            this.endsAtNanos = endsAtNanos;
        }

        boolean isTimed() {
            return fault.lasting() != null;
        }
    }

    private record LostResponse(String method, Pattern path) {}
}
