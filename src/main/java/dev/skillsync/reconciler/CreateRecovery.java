package dev.skillsync.reconciler;

import dev.skillsync.resource.PendingCreate;
import dev.skillsync.skillsapi.RemoteSkill;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Decides what a create that may already have happened left behind. The beta API rejects a reused display title, so
 * the skills with the pending create's title are the candidates; one made after the create started is ours.
 */
public final class CreateRecovery {

    /** Clock difference between the operator and the API that is still taken as "after the create started". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

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

    /** Another skill, older than our create, holds the title. */
    public record TitleTaken(RemoteSkill skill) implements Decision {
    }

    private CreateRecovery() {
    }

    public static Decision decide(PendingCreate pending, List<RemoteSkill> skills) {
        List<RemoteSkill> sameTitle = skills.stream()
                .filter(skill -> pending.getDisplayTitle().equals(skill.displayTitle()))
                .toList();
        if (sameTitle.isEmpty()) {
            return new CreateNew();
        }
        Instant earliest = parse(pending.getStartedAt()).minus(CLOCK_SKEW);
        List<RemoteSkill> madeSince = sameTitle.stream()
                .filter(skill -> skill.createdAt() == null || !parse(skill.createdAt()).isBefore(earliest))
                .toList();
        if (madeSince.size() == 1) {
            return new Adopt(madeSince.get(0));
        }
        if (madeSince.isEmpty()) {
            return new TitleTaken(sameTitle.get(0));
        }
        return new Ambiguous("found " + madeSince.size() + " remote skills titled '" + pending.getDisplayTitle()
                + "' (" + String.join(", ", madeSince.stream().map(RemoteSkill::id).toList())
                + ") after a create whose answer was lost; set the annotation skillsync.dev/skill-id to the one to keep");
    }

    private static Instant parse(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
