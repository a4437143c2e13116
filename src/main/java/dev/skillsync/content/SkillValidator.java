package dev.skillsync.content;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Applies every rule the Skills API applies to an upload (paths, {@code SKILL.md}, front matter, total size) and
 * reports all problems found at once, then builds the upload with its content hash.
 */
public final class SkillValidator {

    static final String MAX_SIZE_SETTING = "skillsync.content.max-upload-size";

    private final long maxTotalBytes;

    /** @param maxTotalBytes largest total size of the files, uncompressed ({@value #MAX_SIZE_SETTING}) */
    public SkillValidator(long maxTotalBytes) {
        if (maxTotalBytes <= 0) {
            throw new IllegalArgumentException(MAX_SIZE_SETTING + " must be positive, was " + maxTotalBytes);
        }
        this.maxTotalBytes = maxTotalBytes;
    }

    public SkillBundle validate(SkillFiles files) throws InvalidContentException {
        if (files.isEmpty()) {
            throw new InvalidContentException("the skill has no files; it needs at least a SKILL.md at its root");
        }
        SortedMap<String, byte[]> byPath = files.view();
        Problems problems = new Problems();
        for (String path : byPath.keySet()) {
            try {
                SkillPaths.checkRelative(path);
            } catch (InvalidContentException e) {
                problems.add(e);
            }
        }
        checkNoFileInsideAFile(byPath, problems);
        if (files.totalSize() > maxTotalBytes) {
            problems.add("the skill's files total " + describeSize(files.totalSize()) + ", over the limit of "
                    + describeSize(maxTotalBytes) + " set by " + MAX_SIZE_SETTING
                    + "; make the files smaller or raise the setting");
        }
        SkillManifest manifest = null;
        byte[] skillMd = byPath.get(SkillPaths.SKILL_MD);
        if (skillMd == null) {
            problems.add(missingSkillMd(byPath));
        } else {
            try {
                manifest = FrontMatter.parse(skillMd);
            } catch (InvalidContentException e) {
                problems.add(e);
            }
        }
        problems.throwIfAny();
        return bundle(manifest, byPath);
    }

    private static SkillBundle bundle(SkillManifest manifest, SortedMap<String, byte[]> byPath) {
        SortedMap<String, byte[]> uploadFiles = new TreeMap<>(FileMaps.UTF8_ORDER);
        byPath.forEach((path, content) -> uploadFiles.put(manifest.name() + "/" + path, content));
        return new SkillBundle(manifest, uploadFiles, ContentHash.of(uploadFiles));
    }

    /** A directory cannot share its name with a file, so {@code a} and {@code a/b} cannot both be uploaded. */
    private static void checkNoFileInsideAFile(Map<String, byte[]> byPath, Problems problems) {
        for (String path : byPath.keySet()) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String parent = path.substring(0, slash);
                if (byPath.containsKey(parent)) {
                    problems.add("path " + Quote.of(path) + " puts a file inside " + Quote.of(parent)
                            + ", which is a file itself; rename one of them");
                    break;
                }
            }
        }
    }

    private static String missingSkillMd(Map<String, byte[]> byPath) {
        Optional<String> nested = byPath.keySet().stream()
                .filter(path -> path.endsWith("/" + SkillPaths.SKILL_MD))
                .findFirst();
        if (nested.isPresent()) {
            return "SKILL.md must be at the root of the skill, but it is at " + Quote.of(nested.get())
                    + "; move it to the root (for a ConfigMap item, set its path to SKILL.md)";
        }
        Optional<String> misspelt = byPath.keySet().stream()
                .filter(path -> path.equalsIgnoreCase(SkillPaths.SKILL_MD))
                .findFirst();
        if (misspelt.isPresent()) {
            return "the skill has " + Quote.of(misspelt.get()) + " but needs SKILL.md, spelt exactly so; rename it";
        }
        return "the skill has no SKILL.md at its root; add one with front matter holding name and description";
    }

    private static String describeSize(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB (%d bytes)", bytes / (1024.0 * 1024.0), bytes);
    }
}
