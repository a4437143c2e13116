package dev.skillsync.reconciler;

import dev.skillsync.resource.PendingCreate;
import java.util.ArrayList;
import java.util.List;

/** Records what a sync reports as it goes, in order, so a test can check what the cluster would have been told. */
final class RecordingProgress implements SyncProgress {

    sealed interface Step {}

    record CreateStarting(PendingCreate pendingCreate) implements Step {}

    record VersionUploadStarting(String skillId, String contentHash) implements Step {}

    record SkillIdentified(String skillId) implements Step {}

    record VersionCreated(String skillId, String version, String contentHash) implements Step {}

    record VersionsPruned(String skillId, List<String> versions, int kept) implements Step {}

    /** An Event by type and reason; its message is kept apart, see {@link #messageOf(String)}. */
    record Event(String type, String reason) implements Step {

        static Event normal(String reason) {
            return new Event("Normal", reason);
        }

        static Event warning(String reason) {
            return new Event("Warning", reason);
        }
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<String> eventMessages = new ArrayList<>();

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The message of the first Event with this reason. */
    String messageOf(String reason) {
        for (int i = 0, event = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Event e) {
                if (e.reason().equals(reason)) {
                    return eventMessages.get(event);
                }
                event++;
            }
        }
        throw new AssertionError("no Event with reason " + reason + " in " + steps);
    }

    @Override
    public void createStarting(PendingCreate pendingCreate) {
        steps.add(new CreateStarting(pendingCreate));
    }

    @Override
    public void versionUploadStarting(String skillId, String contentHash) {
        steps.add(new VersionUploadStarting(skillId, contentHash));
    }

    @Override
    public void skillIdentified(String skillId) {
        steps.add(new SkillIdentified(skillId));
    }

    @Override
    public void versionCreated(String skillId, String version, String contentHash) {
        steps.add(new VersionCreated(skillId, version, contentHash));
    }

    @Override
    public void versionsPruned(String skillId, List<String> versions, int kept) {
        steps.add(new VersionsPruned(skillId, List.copyOf(versions), kept));
    }

    @Override
    public void normalEvent(String reason, String message) {
        steps.add(Event.normal(reason));
        eventMessages.add(message);
    }

    @Override
    public void warningEvent(String reason, String message) {
        steps.add(Event.warning(reason));
        eventMessages.add(message);
    }
}
