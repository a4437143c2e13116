package dev.skillsync.reconciler;

import dev.skillsync.resource.SkillVersionStatus;
import java.util.List;

/**
 * What the operator knows of the remote skill after a sync.
 *
 * @param versions newest first, trimmed to the retention
 * @param skillName the skill's name (fixed at creation); null when this sync did not learn it
 */
public record RemoteState(
        String skillId, String latestVersion, String contentHash, List<SkillVersionStatus> versions, String skillName) {

    public RemoteState {
        versions = List.copyOf(versions);
    }
}
