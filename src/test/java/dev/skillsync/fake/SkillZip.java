package dev.skillsync.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The download of a version: a zip of its files under their full paths ("pdf-tools/SKILL.md"). */
final class SkillZip {

    private SkillZip() {}

    static byte[] of(FakeVersion version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : version.files().entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(version.createdAt().toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a zip to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
