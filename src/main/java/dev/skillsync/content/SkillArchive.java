package dev.skillsync.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads the zip the Skills API returns for a version download, without trusting its entry names or sizes. */
public final class SkillArchive {

    private static final byte[] LOCAL_FILE_HEADER = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ARCHIVE = {'P', 'K', 5, 6};
    private static final int BUFFER_SIZE = 8192;

    private SkillArchive() {}

    /**
     * @param maxTotalBytes largest total of unpacked bytes; reading stops as soon as it is passed, whatever the
     *                      entries declare, so a small archive cannot unpack into gigabytes
     * @return files by their full path in the archive, in UTF-8 byte order; directory entries are left out
     */
    public static SortedMap<String, byte[]> unzip(byte[] zip, long maxTotalBytes) throws InvalidContentException {
        // ZipInputStream reads anything without a zip signature as an empty archive.
        if (!startsWith(zip, LOCAL_FILE_HEADER) && !startsWith(zip, EMPTY_ARCHIVE)) {
            throw new InvalidContentException("the downloaded skill content is not a zip archive");
        }
        SortedMap<String, byte[]> files = new TreeMap<>(FileMaps.UTF8_ORDER);
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = entry.getName();
                try {
                    SkillPaths.checkRelative(path);
                } catch (InvalidContentException e) {
                    throw new InvalidContentException("zip archive entry: " + e.getMessage());
                }
                byte[] content = readAtMost(in, maxTotalBytes - total, maxTotalBytes);
                total += content.length;
                if (files.put(path, content) != null) {
                    throw new InvalidContentException("zip archive holds " + Quote.of(path) + " twice");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8.
            throw new InvalidContentException("the zip archive is damaged: " + e.getMessage(), e);
        }
        return files;
    }

    private static byte[] readAtMost(InputStream entry, long remaining, long maxTotalBytes)
            throws IOException, InvalidContentException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int read = entry.read(buffer); read >= 0; read = entry.read(buffer)) {
            if (read > remaining - content.size()) {
                throw new InvalidContentException(
                        "the zip archive unpacks to more than " + maxTotalBytes + " bytes, the limit for one skill");
            }
            content.write(buffer, 0, read);
        }
        return content.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
