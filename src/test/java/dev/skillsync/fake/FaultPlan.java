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
        faults.add(new ArmedFault(fault, fault.times()));
    }

    synchronized void loseNextResponse(String method, String pathRegex) {
        lostResponses.add(new LostResponse(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex)));
    }

    /** The first armed fault matching the request, used up once. */
    synchronized Optional<Fault> takeFault(String method, String path) {
        for (Iterator<ArmedFault> it = faults.iterator(); it.hasNext(); ) {
            ArmedFault armed = it.next();
            if (armed.fault.matches(method, path)) {
                if (--armed.remaining == 0) {
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

        ArmedFault(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private record LostResponse(String method, Pattern path) {
    }
}
