package dev.skillsync.fake;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one create-skill or create-version request, checked as the server checks them:
 * size, paths, one top-level directory holding SKILL.md, valid front matter, matching folder name.
 */
record SkillUpload(String directory, SkillFrontMatter frontMatter, SortedMap<String, byte[]> files) {

    static final String SKILL_FILE = "SKILL.md";

    static SkillUpload validate(Map<String, byte[]> files, long maxBytes) {
        if (files.isEmpty()) {
            throw ApiException.invalidRequest("No files were uploaded: send each file of the skill as a"
                    + " multipart part named 'files[]' whose filename is the file's path.");
        }
        long total =
                files.values().stream().mapToLong(content -> content.length).sum();
        if (total > maxBytes) {
            throw ApiException.tooLarge("The uploaded skill files total " + total + " bytes, more than the limit of "
                    + maxBytes + " bytes.");
        }
        files.keySet().forEach(SkillUpload::checkPath);
        String directory = commonDirectory(files);
        byte[] skillMd = files.get(directory + "/" + SKILL_FILE);
        if (skillMd == null) {
            throw ApiException.invalidRequest("SKILL.md file must be exactly in the top-level folder.");
        }
        SkillFrontMatter frontMatter = SkillFrontMatter.parse(skillMd);
        if (!comparable(directory).equals(comparable(frontMatter.name()))) {
            throw ApiException.invalidRequest("The folder name '" + directory + "' must match the skill name '"
                    + frontMatter.name() + "' in SKILL.md.");
        }
        return new SkillUpload(directory, frontMatter, new TreeMap<>(files));
    }

    private static void checkPath(String path) {
        boolean valid = !path.isEmpty() && !path.startsWith("/");
        for (String segment : path.split("/", -1)) {
            valid &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
        }
        if (!valid) {
            throw ApiException.invalidRequest("Invalid file path '" + path + "': paths must be relative, use '/'"
                    + " and contain no empty, '.' or '..' segments.");
        }
    }

    private static String commonDirectory(Map<String, byte[]> files) {
        String directory = null;
        for (String path : files.keySet()) {
            int slash = path.indexOf('/');
            String top = slash < 0 ? null : path.substring(0, slash);
            if (top == null || (directory != null && !directory.equals(top))) {
                throw ApiException.invalidRequest("All files must be in the same top-level directory; '" + path
                        + "' is not" + (directory == null ? " in a directory." : " in '" + directory + "'."));
            }
            directory = top;
        }
        return directory;
    }

    /** The server compares folder and skill name ignoring case and treating '_' like '-'. */
    private static String comparable(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
