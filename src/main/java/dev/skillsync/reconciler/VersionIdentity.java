package dev.skillsync.reconciler;

import dev.skillsync.resource.SkillVersionStatus;
import dev.skillsync.skillsapi.RemoteVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Maps the versions status recorded under one wire dialect to the identifiers of another, after the operator was
 * switched between beta and GA. Beta addresses a version by its creation time in epoch microseconds and also shows its
 * opaque {@code id}; GA addresses it by that {@code id} and shows its creation time. A recorded version is the remote
 * one with the same identifier, the same {@code id}, or the same creation time.
 */
final class VersionIdentity {

    private VersionIdentity() {}

    /**
     * The recorded versions that still exist remotely, under the remote identifiers, in the recorded order, with the
     * content hashes status knows; recorded versions not found remotely are left out.
     */
    static List<SkillVersionStatus> remap(List<SkillVersionStatus> recorded, List<RemoteVersion> remote) {
        List<SkillVersionStatus> mapped = new ArrayList<>();
        for (SkillVersionStatus known : recorded) {
            match(known, remote)
                    .ifPresent(version -> mapped.add(new SkillVersionStatus(
                            version.version(),
                            known.getContentHash(),
                            version.createdAt() != null ? version.createdAt() : known.getCreatedAt())));
        }
        return mapped;
    }

    private static Optional<RemoteVersion> match(SkillVersionStatus known, List<RemoteVersion> remote) {
        Set<Instant> knownTimes = creationTimes(known.getCreatedAt(), known.getVersion());
        return remote.stream()
                .filter(version -> known.getVersion().equals(version.version())
                        || known.getVersion().equals(version.id())
                        || creationTimes(version.createdAt(), version.version()).stream()
                                .anyMatch(knownTimes::contains))
                .findFirst();
    }

    /** The creation time as written, and the one a beta identifier (epoch microseconds) stands for. */
    private static Set<Instant> creationTimes(String written, String identifier) {
        Set<Instant> times = new HashSet<>();
        if (written != null) {
            try {
                times.add(Instant.parse(written));
            } catch (DateTimeParseException e) {
                // Not a time: only the identifier can tell.
            }
        }
        if (identifier != null
                && !identifier.isEmpty()
                && identifier.length() <= 18
                && identifier.chars().allMatch(Character::isDigit)) {
            times.add(Instant.EPOCH.plus(Long.parseLong(identifier), ChronoUnit.MICROS));
        }
        return times;
    }

    /** Whether any recorded version is not of the current dialect's form, i.e. the dialect was switched. */
    static boolean needsRemap(List<SkillVersionStatus> recorded, Predicate<String> isIdentifier) {
        return recorded.stream()
                .map(SkillVersionStatus::getVersion)
                .filter(Objects::nonNull)
                .anyMatch(isIdentifier.negate());
    }
}
