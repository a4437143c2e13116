package dev.skillsync.content;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found so that the user can fix them all at once instead of one per sync. */
final class Problems {

    /** Keeps the condition message readable when a source is wrong everywhere. */
    private static final int MAX_LISTED = 10;

    private final List<String> messages = new ArrayList<>();

    void add(String message) {
        messages.add(message);
    }

    void add(InvalidContentException problem) {
        messages.add(problem.getMessage());
    }

    void throwIfAny() throws InvalidContentException {
        if (messages.isEmpty()) {
            return;
        }
        if (messages.size() == 1) {
            throw new InvalidContentException(messages.get(0));
        }
        String listed = String.join("; ", messages.subList(0, Math.min(MAX_LISTED, messages.size())));
        String more = messages.size() > MAX_LISTED ? "; and " + (messages.size() - MAX_LISTED) + " more" : "";
        throw new InvalidContentException(messages.size() + " problems: " + listed + more);
    }
}
