package dev.skillsync.fake;

import java.time.Instant;
import java.util.ArrayList;
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
 * concurrent requests see the same consistent state the real server keeps.
 */
final class SkillStore {

    private static final Pattern VERSION_FORMAT = Pattern.compile("[1-9][0-9]{0,17}");

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

    synchronized FakeSkill createSkill(String displayTitle, SkillUpload upload) {
        if (displayTitle != null && settings.titlesUnique() && skills.values().stream().anyMatch(s -> displayTitle.equals(s.displayTitle))) {
            throw ApiException.invalidRequest("Skill cannot reuse an existing display_title: " + displayTitle);
        }
        long micros = clock.nextMicros();
        Instant now = VersionClock.toInstant(micros);
        StoredSkill skill = new StoredSkill(uniqueId("skill_"), displayTitle, upload.frontMatter().name(), now,
                nextSequence++);
        skills.put(skill.id, skill);
        skill.add(newVersion(skill, upload, micros));
        return skill.snapshot();
    }

    synchronized FakeVersion createVersion(String skillId, SkillUpload upload) {
        StoredSkill skill = require(skillId);
        if (!skill.name.equals(upload.frontMatter().name())) {
            throw ApiException.invalidRequest("The skill name '" + upload.frontMatter().name()
                    + "' in SKILL.md must match the name '" + skill.name + "' this skill was created with.");
        }
        FakeVersion version = newVersion(skill, upload, clock.nextMicros());
        skill.add(version);
        return version;
    }

    synchronized List<FakeSkill> skills() {
        return skills.values().stream().map(StoredSkill::snapshot).toList();
    }

    synchronized Optional<FakeSkill> skill(String id) {
        return Optional.ofNullable(skills.get(id)).map(StoredSkill::snapshot);
    }

    synchronized FakeSkill requireSkill(String id) {
        return require(id).snapshot();
    }

    /** Skills created after the one at {@code afterCursor} (or from the start when null), oldest first. */
    synchronized Page<FakeSkill> listSkills(Long afterCursor, int limit) {
        List<StoredSkill> matching = new ArrayList<>();
        for (StoredSkill skill : skills.values()) {
            if (afterCursor == null || skill.sequence > afterCursor) {
                matching.add(skill);
            }
            if (matching.size() > limit) {
                break;
            }
        }
        Page<StoredSkill> page = Page.of(matching, limit, s -> s.sequence);
        return new Page<>(page.items().stream().map(StoredSkill::snapshot).toList(), page.nextCursor());
    }

    synchronized List<FakeVersion> versions(String skillId) {
        StoredSkill skill = skills.get(skillId);
        return skill == null ? List.of() : List.copyOf(skill.versions.values());
    }

    /** Versions newer than {@code afterCursor} (or from the oldest when null), oldest first. */
    synchronized Page<FakeVersion> listVersions(String skillId, Long afterCursor, int limit) {
        NavigableMap<Long, FakeVersion> versions = require(skillId).versions;
        NavigableMap<Long, FakeVersion> rest = afterCursor == null ? versions : versions.tailMap(afterCursor, false);
        List<FakeVersion> matching = rest.values().stream().limit(limit + 1L).toList();
        return Page.of(matching, limit, v -> Long.parseLong(v.version()));
    }

    synchronized FakeVersion version(String skillId, String version) {
        StoredSkill skill = require(skillId);
        FakeVersion found = parseVersion(version).map(skill.versions::get).orElse(null);
        if (found == null) {
            throw versionNotFound(skillId, version);
        }
        return found;
    }

    synchronized void deleteVersion(String skillId, String version) {
        StoredSkill skill = require(skillId);
        FakeVersion removed = parseVersion(version).map(skill.versions::remove).orElse(null);
        if (removed == null) {
            throw versionNotFound(skillId, version);
        }
        skill.updatedAt = VersionClock.toInstant(clock.nextMicros());
    }

    synchronized void deleteSkill(String skillId) {
        if (!require(skillId).versions.isEmpty()) {
            throw ApiException.invalidRequest("Cannot delete skill with existing versions. Delete all versions first.");
        }
        skills.remove(skillId);
    }

    /** Removes a skill together with its versions, as someone with other tools might. */
    synchronized boolean removeSkill(String skillId) {
        return skills.remove(skillId) != null;
    }

    synchronized void clear() {
        skills.clear();
    }

    private FakeVersion newVersion(StoredSkill skill, SkillUpload upload, long micros) {
        return new FakeVersion(uniqueId("skillver_"), skill.id, Long.toString(micros), upload.frontMatter().name(),
                upload.frontMatter().description(), upload.directory(), VersionClock.toInstant(micros),
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

        FakeSkill snapshot() {
            String latest = versions.isEmpty() ? null : Long.toString(versions.lastKey());
            return new FakeSkill(id, displayTitle, latest, createdAt, updatedAt);
        }
    }
}
