package dev.skillsync.bench;

import java.time.Duration;
import java.util.List;

/** How a storm's calls were spread: the most that arrived within any one requested wait. */
final class StormWindow {

    private StormWindow() {}

    /**
     * @param receivedNanos when each call arrived ({@link System#nanoTime()}), in any order
     * @return the most calls that arrived within {@code window} of one of them (the window closed at its start and open
     *         at its end); 0 without calls
     */
    static int busiest(List<Long> receivedNanos, Duration window) {
        List<Long> sorted = receivedNanos.stream().sorted().toList();
        int most = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            while (end < sorted.size() && sorted.get(end) - sorted.get(start) < window.toNanos()) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }
}
