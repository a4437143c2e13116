package dev.skillsync.reconciler;

import dev.skillsync.resource.PendingCreate;
import dev.skillsync.skillsapi.RemoteSkill;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides what a create that may already have happened left behind. Where the API rejects a reused display title
 * (beta), the skills with the pending create's title are the candidates; ours is the one whose latest version holds
 * exactly the content that create uploaded. A skill with the title but other content is someone else's and is left
 * alone. Where titles are not unique (GA), the candidates are the skills with that title created since the create was
 * recorded, and ours is the one whose latest version carries what was uploaded; none means the create never happened.
 * No decision ever deletes a skill.
 */
public final class CreateRecovery {

    public sealed interface Decision {}

    /** The create happened: adopt this skill. */
    public record Adopt(RemoteSkill skill) implements Decision {}

    /** The create did not happen: create now. */
    public record CreateNew() implements Decision {}

    /** Several skills could be ours: a person has to choose. */
    public record Ambiguous(String message) implements Decision {}

    /** Another skill, with other content, holds the title. */
    public record TitleTaken(RemoteSkill skill) implements Decision {}

    private CreateRecovery() {}

    /**
     * @param latestContentHash the content hash of a skill's latest version (null for a skill without versions);
     *        asked only of the skills with the pending create's title
     */
    public static Decision decide(
            PendingCreate pending, List<RemoteSkill> skills, Function<RemoteSkill, String> latestContentHash) {
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
        return ambiguous(pending, sameContent);
    }

    /**
     * For an API that lets several skills share a title.
     *
     * @param clockSkew  how much earlier than the pending create's record a skill may seem to have been created, as
     *                   the operator's clock and the server's differ
     * @param holdsUpload whether a skill's latest version carries what the pending create uploaded; asked only of the
     *                   skills with the title created in the window
     */
    public static Decision decideAmongNamesakes(
            PendingCreate pending, List<RemoteSkill> skills, Duration clockSkew, Predicate<RemoteSkill> holdsUpload) {
        Instant since = instant(pending.getStartedAt());
        Instant earliest = since == null ? null : since.minus(clockSkew);
        List<RemoteSkill> ours = skills.stream()
                .filter(skill -> pending.getDisplayTitle().equals(skill.displayTitle()))
                .filter(skill -> createdSince(skill, earliest))
                .filter(holdsUpload)
                .toList();
        if (ours.isEmpty()) {
            return new CreateNew();
        }
        return ours.size() == 1 ? new Adopt(ours.get(0)) : ambiguous(pending, ours);
    }

    /** A skill whose creation time cannot be read might be ours: it stays a candidate. */
    private static boolean createdSince(RemoteSkill skill, Instant earliest) {
        Instant created = instant(skill.createdAt());
        return earliest == null || created == null || !created.isBefore(earliest);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Ambiguous ambiguous(PendingCreate pending, List<RemoteSkill> candidates) {
        return new Ambiguous("found " + candidates.size() + " remote skills titled '" + pending.getDisplayTitle()
                + "' with the content of a create whose answer was lost ("
                + String.join(", ", candidates.stream().map(RemoteSkill::id).toList())
                + "); set the annotation skillsync.dev/skill-id to the one to keep");
    }
}
