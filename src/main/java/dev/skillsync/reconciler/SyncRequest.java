package dev.skillsync.reconciler;

import dev.skillsync.content.SkillBundle;
import dev.skillsync.resource.PendingCreate;
import dev.skillsync.resource.SkillVersionStatus;
import dev.skillsync.skillsapi.ApiKey;
import java.util.List;

/**
 * Everything a remote sync needs to know about one Skill.
 *
 * @param annotatedSkillId the skill-id annotation: set by the operator after a create, or by a user to adopt a skill
 * @param recordedSkillId the skill ID in status: the skill this Skill created or adopted before
 * @param knownVersions versions recorded in status, newest first, with the content hashes known for them
 * @param pruneDue true when the retention may have changed since the last prune
 * @param recordedSkillName the skill's name recorded in status, null when status does not know it
 * @param statusKnowsRemote true when status records the remote skill as it is (see
 *     {@link RemoteCheckPolicy#statusKnowsRemote}): then a change is made without reading the remote skill first
 */
public record SyncRequest(
        ApiKey apiKey,
        String displayTitle,
        SkillBundle desired,
        String annotatedSkillId,
        String recordedSkillId,
        PendingCreate pendingCreate,
        List<SkillVersionStatus> knownVersions,
        int maxVersions,
        boolean pruneDue,
        String recordedSkillName,
        boolean statusKnowsRemote) {

    /** The same request with the recorded versions under other identifiers (after a switch of wire dialect). */
    SyncRequest withKnownVersions(List<SkillVersionStatus> versions) {
        return new SyncRequest(
                apiKey,
                displayTitle,
                desired,
                annotatedSkillId,
                recordedSkillId,
                pendingCreate,
                versions,
                maxVersions,
                pruneDue,
                recordedSkillName,
                statusKnowsRemote);
    }
}
