package dev.skillsync.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The skills and versions the fake holds. Every operation runs under the store's lock, so
 * concurrent requests see the same consistent state the real server keeps. Each version has both
 * identities: the beta shapes' epoch microseconds (kept as {@link FakeVersion#version()} here) and
 * the GA shapes' opaque id; snapshots are handed out as the asking dialect identifies them.
 */
final class SkillStore {

    private static final Pattern VERSION_FORMAT = Pattern.compile("[1-9][0-9]{0,17}");
    /** The GA path segment that names a skill's newest version. */
    static final String LATEST = "latest";

    private final VersionClock clock;
    private final FakeSettings settings;
    /** In creation order, which is also the list order. */
    private final Map<String, StoredSkill> skills = new LinkedHashMap<>();

    private final Set<String> issuedIds = new HashSet<>();
    private long nextSequence;

    SkillStore(VersionClock clock, FakeSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * @param dialect under the beta shapes a display title must be unique; under GA it need not be, and
     *                defaults to the front matter name
     */
    synchronized FakeSkill createSkill(String displayTitle, SkillUpload upload, FakeDialect dialect) {
        if (dialect == FakeDialect.BETA
                && settings.titlesUnique()
                && displayTitle != null
                && skills.values().stream().anyMatch(s -> displayTitle.equals(s.displayTitle))) {
            throw ApiException.invalidRequest("Skill cannot reuse an existing display_title: " + displayTitle);
        }
        String title = dialect == FakeDialect.GA && displayTitle == null
                ? upload.frontMatter().name()
                : displayTitle;
        long micros = clock.nextMicros();
        Instant now = VersionClock.toInstant(micros);
        StoredSkill skill =
                new StoredSkill(uniqueId("skill_"), title, upload.frontMatter().name(), now, nextSequence++);
        skills.put(skill.id, skill);
        skill.add(newVersion(skill, upload, micros));
        return skill.snapshot(dialect);
    }

    /** The new version as the beta shapes identify it; see {@link FakeVersion#identifiedAs}. */
    synchronized FakeVersion createVersion(String skillId, SkillUpload upload) {
        StoredSkill skill = require(skillId);
        if (!skill.name.equals(upload.frontMatter().name())) {
            throw ApiException.invalidRequest(
                    "The skill name '" + upload.frontMatter().name() + "' in SKILL.md must match the name '"
                            + skill.name + "' this skill was created with.");
        }
        FakeVersion version = newVersion(skill, upload, clock.nextMicros());
        skill.add(version);
        return version;
    }

    synchronized List<FakeSkill> skills(FakeDialect dialect) {
        return skills.values().stream().map(skill -> skill.snapshot(dialect)).toList();
    }

    synchronized Optional<FakeSkill> skill(String id, FakeDialect dialect) {
        return Optional.ofNullable(skills.get(id)).map(skill -> skill.snapshot(dialect));
    }

    synchronized FakeSkill requireSkill(String id, FakeDialect dialect) {
        return require(id).snapshot(dialect);
    }

    /**
     * Skills after the one at {@code afterCursor} (or from the start when null), oldest first, or
     * newest first when {@code newestFirst} (the GA shapes do not document an order: the fake
     * answers them in the other one, so that a client relying on it fails).
     */
    synchronized Page<FakeSkill> listSkills(Long afterCursor, int limit, boolean newestFirst, FakeDialect dialect) {
        List<StoredSkill> ordered = new ArrayList<>(skills.values());
        if (newestFirst) {
            Collections.reverse(ordered);
        }
        List<StoredSkill> matching = new ArrayList<>();
        for (StoredSkill skill : ordered) {
            if (afterCursor == null || (newestFirst ? skill.sequence < afterCursor : skill.sequence > afterCursor)) {
                matching.add(skill);
            }
            if (matching.size() > limit) {
                break;
            }
        }
        Page<StoredSkill> page = Page.of(matching, limit, s -> s.sequence);
        return new Page<>(
                page.items().stream().map(skill -> skill.snapshot(dialect)).toList(), page.nextCursor());
    }

    /** Oldest first, as the dialect identifies them. */
    synchronized List<FakeVersion> versions(String skillId, FakeDialect dialect) {
        StoredSkill skill = skills.get(skillId);
        return skill == null
                ? List.of()
                : skill.versions.values().stream()
                        .map(v -> v.identifiedAs(dialect))
                        .toList();
    }

    /**
     * Versions after the one at {@code afterCursor} (or from the start when null), oldest first,
     * or newest first when {@code newestFirst}; identified as the beta shapes do.
     */
    synchronized Page<FakeVersion> listVersions(String skillId, Long afterCursor, int limit, boolean newestFirst) {
        NavigableMap<Long, FakeVersion> versions = require(skillId).versions;
        NavigableMap<Long, FakeVersion> ordered = newestFirst ? versions.descendingMap() : versions;
        NavigableMap<Long, FakeVersion> rest = afterCursor == null ? ordered : ordered.tailMap(afterCursor, false);
        List<FakeVersion> matching = rest.values().stream().limit(limit + 1L).toList();
        return Page.of(matching, limit, v -> Long.parseLong(v.version()));
    }

    /**
     * The version the reference names, identified as the beta shapes do. Beta names a version by
     * its epoch microseconds; GA by its id or {@code latest}.
     */
    synchronized FakeVersion version(String skillId, String reference, FakeDialect dialect) {
        StoredSkill skill = require(skillId);
        return find(skill, reference, dialect).orElseThrow(() -> versionNotFound(skillId, reference));
    }

    /**
     * The version the beta content endpoint is asked for. A GA client knows only the opaque id, so
     * the fake takes either identity there (what the real endpoint takes is not documented).
     */
    synchronized FakeVersion contentVersion(String skillId, String reference) {
        StoredSkill skill = require(skillId);
        return find(skill, reference, FakeDialect.BETA)
                .or(() -> byId(skill, reference))
                .orElseThrow(() -> versionNotFound(skillId, reference));
    }

    /** Under GA a skill keeps at least one version: its only version cannot be deleted. */
    synchronized void deleteVersion(String skillId, String reference, FakeDialect dialect) {
        StoredSkill skill = require(skillId);
        // GA deletes by id only, never by the latest alias.
        Optional<FakeVersion> named =
                dialect == FakeDialect.GA ? byId(skill, reference) : find(skill, reference, dialect);
        FakeVersion found = named.orElseThrow(() -> versionNotFound(skillId, reference));
        if (dialect == FakeDialect.GA && skill.versions.size() == 1) {
            throw ApiException.invalidRequest("A skill must keep at least one version: version '" + reference
                    + "' is the only one of skill '" + skillId + "'. Delete the skill instead.");
        }
        skill.versions.remove(Long.parseLong(found.version()));
        skill.updatedAt = VersionClock.toInstant(clock.nextMicros());
    }

    /** Beta refuses to delete a skill that has versions; GA deletes them with it. */
    synchronized void deleteSkill(String skillId, FakeDialect dialect) {
        if (dialect == FakeDialect.BETA && !require(skillId).versions.isEmpty()) {
            throw ApiException.invalidRequest("Cannot delete skill with existing versions. Delete all versions first.");
        }
        require(skillId);
        skills.remove(skillId);
    }

    /** Removes a skill together with its versions, as someone with other tools might. */
    synchronized boolean removeSkill(String skillId) {
        return skills.remove(skillId) != null;
    }

    synchronized void clear() {
        skills.clear();
    }

    private static Optional<FakeVersion> find(StoredSkill skill, String reference, FakeDialect dialect) {
        if (dialect == FakeDialect.BETA) {
            return parseVersion(reference).map(skill.versions::get);
        }
        if (reference.equals(LATEST)) {
            return skill.versions.isEmpty()
                    ? Optional.empty()
                    : Optional.of(skill.versions.lastEntry().getValue());
        }
        return byId(skill, reference);
    }

    private static Optional<FakeVersion> byId(StoredSkill skill, String id) {
        return skill.versions.values().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    private FakeVersion newVersion(StoredSkill skill, SkillUpload upload, long micros) {
        return new FakeVersion(
                uniqueId("skillver_"),
                skill.id,
                Long.toString(micros),
                upload.frontMatter().name(),
                upload.frontMatter().description(),
                upload.directory(),
                VersionClock.toInstant(micros),
                upload.files());
    }

    private String uniqueId(String prefix) {
        String id;
        do {
            id = RandomIds.next(prefix);
        } while (!issuedIds.add(id));
        return id;
    }

    private StoredSkill require(String skillId) {
        StoredSkill skill = skills.get(skillId);
        if (skill == null) {
            throw ApiException.notFound("Skill '" + skillId + "' not found.");
        }
        return skill;
    }

    private static Optional<Long> parseVersion(String version) {
        return VERSION_FORMAT.matcher(version).matches() ? Optional.of(Long.parseLong(version)) : Optional.empty();
    }

    private static ApiException versionNotFound(String skillId, String version) {
        return ApiException.notFound("Version '" + version + "' of skill '" + skillId + "' not found.");
    }

    private static final class StoredSkill {

        final String id;
        final String displayTitle;
        /** The front matter name of the first version; every later version must carry it. */
        final String name;

        final Instant createdAt;
        final long sequence;
        final NavigableMap<Long, FakeVersion> versions = new TreeMap<>();
        Instant updatedAt;

        StoredSkill(String id, String displayTitle, String name, Instant createdAt, long sequence) {
            this.id = id;
            this.displayTitle = displayTitle;
            this.name = name;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.sequence = sequence;
        }

        void add(FakeVersion version) {
            versions.put(Long.parseLong(version.version()), version);
            updatedAt = version.createdAt();
        }

        FakeSkill snapshot(FakeDialect dialect) {
            String latest = versions.isEmpty()
                    ? null
                    : versions.lastEntry().getValue().identifiedAs(dialect).version();
            return new FakeSkill(id, displayTitle, latest, createdAt, updatedAt);
        }
    }
}
