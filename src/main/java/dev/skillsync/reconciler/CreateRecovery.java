package dev.skillsync.reconciler;

import dev.skillsync.resource.PendingCreate;
import dev.skillsync.skillsapi.RemoteSkill;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides what a create that may already have happened left behind. The beta API rejects a reused display title, so
 * the skills with the pending create's title are the candidates; ours is the one whose latest version holds exactly
 * the content that create uploaded. A skill with the title but other content is someone else's and is left alone.
 */
public final class CreateRecovery {

    public sealed interface Decision {
    }

    /** The create happened: adopt this skill. */
    public record Adopt(RemoteSkill skill) implements Decision {
    }

    /** The create did not happen: create now. */
    public record CreateNew() implements Decision {
    }

    /** Several skills could be ours: a person has to choose. */
    public record Ambiguous(String message) implements Decision {
    }

    /** Another skill, with other content, holds the title. */
    public record TitleTaken(RemoteSkill skill) implements Decision {
    }

    private CreateRecovery() {
    }

    /**
     * @param latestContentHash the content hash of a skill's latest version (null for a skill without versions);
     *        asked only of the skills with the pending create's title
     */
    public static Decision decide(PendingCreate pending, List<RemoteSkill> skills,
            Function<RemoteSkill, String> latestContentHash) {
        List<RemoteSkill> sameTitle = skills.stream()
                .filter(skill -> pending.getDisplayTitle().equals(skill.displayTitle()))
                .toList();
        if (sameTitle.isEmpty()) {
            return new CreateNew();
        }
        List<RemoteSkill> sameContent = sameTitle.stream()
                .filter(skill -> skill.latestVersion() != null
                        && Objects.equals(pending.getContentHash(), latestContentHash.apply(skill)))
                .toList();
        if (sameContent.size() == 1) {
            return new Adopt(sameContent.get(0));
        }
        if (sameContent.isEmpty()) {
            return new TitleTaken(sameTitle.get(0));
        }
        return new Ambiguous("found " + sameContent.size() + " remote skills titled '" + pending.getDisplayTitle()
                + "' with the content of a create whose answer was lost ("
                + String.join(", ", sameContent.stream().map(RemoteSkill::id).toList())
                + "); set the annotation skillsync.dev/skill-id to the one to keep");
    }
}
