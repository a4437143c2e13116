package dev.skillsync.content;

/**
 * The path rule every source shares: a file path is relative to the skill root, uses {@code /} and cannot leave
 * the skill directory. Checked before any upload, and on archives before anything is kept from them.
 */
public final class SkillPaths {

    /** The one file every skill needs, directly in the skill directory. */
    public static final String SKILL_MD = "SKILL.md";

    private SkillPaths() {}

    /** @throws InvalidContentException naming the path and what to change in it */
    public static void checkRelative(String path) throws InvalidContentException {
        if (path == null || path.isEmpty()) {
            throw new InvalidContentException("a file path is empty; give a relative path such as scripts/run.py");
        }
        String problem = problemWith(path);
        if (problem != null) {
            throw new InvalidContentException("path " + Quote.of(path) + " " + problem);
        }
    }

    private static String problemWith(String path) {
        if (path.startsWith("/")) {
            return "is absolute; remove the leading '/' so that it is relative to the skill root";
        }
        if (path.indexOf('\\') >= 0) {
            return "contains a backslash; separate directories with '/'";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format("contains the control character U+%04X; remove it", (int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < path.length() && Character.isLowSurrogate(path.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form, and the content hash is defined over UTF-8 paths.
                return "is not valid Unicode text (it holds an unpaired surrogate character); rename the file";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "has an empty segment (a doubled or trailing '/'); remove the extra '/'";
            }
            if (segment.equals(".")) {
                return "contains a '.' segment; write the path without it";
            }
            if (segment.equals("..")) {
                return "contains a '..' segment; every file must stay inside the skill directory";
            }
        }
        return null;
    }
}
