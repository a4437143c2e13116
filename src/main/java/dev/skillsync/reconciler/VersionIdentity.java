package dev.skillsync.reconciler;

import dev.skillsync.resource.SkillVersionStatus;
import dev.skillsync.skillsapi.RemoteVersion;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Maps the versions status recorded under one wire dialect to the identifiers of another, after the operator was
 * switched between beta and GA. Beta addresses a version by its creation time in epoch microseconds and also shows its
 * opaque {@code id}; GA addresses it by that {@code id} and shows its creation time. A recorded version is the remote
 * one with the same identifier, the same {@code id}, or the same creation time.
 */
final class VersionIdentity {

    private VersionIdentity() {
    }

    /**
     * The recorded versions that still exist remotely, under the remote identifiers, in the recorded order, with the
     * content hashes status knows; recorded versions not found remotely are left out.
     */
    static List<SkillVersionStatus> remap(List<SkillVersionStatus> recorded, List<RemoteVersion> remote) {
        List<SkillVersionStatus> mapped = new ArrayList<>();
        for (SkillVersionStatus known : recorded) {
            match(known, remote).ifPresent(version -> mapped.add(new SkillVersionStatus(version.version(),
                    known.getContentHash(), version.createdAt() != null ? version.createdAt() : known.getCreatedAt())));
        }
        return mapped;
    }

    private static Optional<RemoteVersion> match(SkillVersionStatus known, List<RemoteVersion> remote) {
        Instant created = createdAt(known.getCreatedAt(), known.getVersion());
        return remote.stream()
                .filter(version -> known.getVersion().equals(version.version())
                        || known.getVersion().equals(version.id())
                        || (created != null && created.equals(createdAt(version.createdAt(), version.version()))))
                .findFirst();
    }

    /** The creation time as written, else the one a beta identifier (epoch microseconds) is; null when neither. */
    private static Instant createdAt(String written, String identifier) {
        if (written != null) {
            try {
                return Instant.parse(written);
            } catch (DateTimeParseException e) {
                // Fall back to the identifier.
            }
        }
        if (identifier != null && !identifier.isEmpty() && identifier.length() <= 18
                && identifier.chars().allMatch(Character::isDigit)) {
            return Instant.EPOCH.plus(Long.parseLong(identifier), ChronoUnit.MICROS);
        }
        return null;
    }

    /** Whether any recorded version is not of the current dialect's form, i.e. the dialect was switched. */
    static boolean needsRemap(List<SkillVersionStatus> recorded, Predicate<String> isIdentifier) {
        return recorded.stream().map(SkillVersionStatus::getVersion).filter(Objects::nonNull)
                .anyMatch(isIdentifier.negate());
    }
}
