package dev.skillsync.content;

import static dev.skillsync.content.ContentHashTest.KNOWN_HASH;
import static dev.skillsync.content.ContentHashTest.SKILL_MD;
import static dev.skillsync.content.ContentHashTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class SkillArchiveTest {

    private static final long LIMIT = 1024 * 1024;

    @Test
    void unpacksWhatWasPackedAndHashesLikeTheUpload() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pdf-tools/scripts/é.py", utf8("print(1)\n"));
        files.put("pdf-tools/SKILL.md", utf8(SKILL_MD));
        files.put("pdf-tools/empty.txt", new byte[0]);

        SortedMap<String, byte[]> unpacked = SkillArchive.unzip(zip(files), LIMIT);

        assertThat(unpacked.keySet())
                .containsExactly("pdf-tools/SKILL.md", "pdf-tools/empty.txt", "pdf-tools/scripts/é.py");
        files.forEach((path, content) -> assertThat(unpacked.get(path)).isEqualTo(content));
        assertThat(ContentHash.of(unpacked)).isEqualTo(KNOWN_HASH);
    }

    @Test
    void leavesDirectoryEntriesOut() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("pdf-tools/", null);
        entries.put("pdf-tools/scripts/", null);
        entries.put("pdf-tools/SKILL.md", utf8(SKILL_MD));

        assertThat(SkillArchive.unzip(zip(entries), LIMIT)).containsOnlyKeys("pdf-tools/SKILL.md");
    }

    @Test
    void readsAnEmptyArchive() throws Exception {
        assertThat(SkillArchive.unzip(zip(Map.of()), LIMIT)).isEmpty();
    }

    @Test
    void rejectsEntriesThatLeaveTheTarget() throws Exception {
        for (String path : new String[] {"../evil.sh", "pdf-tools/../../evil.sh", "/etc/cron.d/evil", "a\\..\\evil"}) {
            byte[] zip = zip(Map.of("pdf-tools/SKILL.md", utf8(SKILL_MD), path, utf8("x")));

            assertThatThrownBy(() -> SkillArchive.unzip(zip, LIMIT))
                    .as(path)
                    .isInstanceOf(InvalidContentException.class)
                    .hasMessageStartingWith("zip archive entry: path '" + path + "'");
        }
    }

    @Test
    void stopsAZipBombAtTheLimit() throws Exception {
        // 64 MiB of zeros deflate to about 64 KiB.
        byte[] bomb = zip(Map.of("pdf-tools/zeros.bin", new byte[64 * 1024 * 1024]));
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> SkillArchive.unzip(bomb, LIMIT))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("the zip archive unpacks to more than 1048576 bytes, the limit for one skill");
    }

    @Test
    void countsTheLimitOverAllEntries() throws Exception {
        byte[] zip = zip(Map.of("s/a.bin", new byte[600 * 1024], "s/b.bin", new byte[600 * 1024]));

        assertThatThrownBy(() -> SkillArchive.unzip(zip, LIMIT))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("more than 1048576 bytes");
        assertThat(SkillArchive.unzip(zip, 1200 * 1024)).hasSize(2);
    }

    @Test
    void rejectsSomethingThatIsNoZip() {
        assertThatThrownBy(() -> SkillArchive.unzip(utf8("{\"type\":\"error\"}"), LIMIT))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("the downloaded skill content is not a zip archive");
        assertThatThrownBy(() -> SkillArchive.unzip(new byte[0], LIMIT)).isInstanceOf(InvalidContentException.class);
    }

    @Test
    void rejectsATruncatedArchive() throws Exception {
        // Random bytes do not compress, so half the archive ends inside the entry's data.
        byte[] content = new byte[16 * 1024];
        new Random(1).nextBytes(content);
        byte[] zip = zip(Map.of("s/SKILL.md", content));
        byte[] truncated = Arrays.copyOf(zip, zip.length / 2);

        assertThatThrownBy(() -> SkillArchive.unzip(truncated, LIMIT))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("the zip archive is damaged: ");
    }

    @Test
    void rejectsAnEntryThatAppearsTwice() throws Exception {
        // ZipOutputStream refuses duplicates, so the two local entries are written by hand.
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        zip.write(storedEntry("s/SKILL.md", utf8("one")));
        zip.write(storedEntry("s/SKILL.md", utf8("two")));

        assertThatThrownBy(() -> SkillArchive.unzip(zip.toByteArray(), LIMIT))
                .isInstanceOf(InvalidContentException.class)
                .hasMessage("zip archive holds 's/SKILL.md' twice");
    }

    /** Entries with null content are directories. */
    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    zip.write(entry.getValue());
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A local file header with an uncompressed (stored) entry, as laid out in the zip format's specification. */
    private static byte[] storedEntry(String name, byte[] content) {
        byte[] nameBytes = utf8(name);
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteBuffer entry =
                ByteBuffer.allocate(30 + nameBytes.length + content.length).order(ByteOrder.LITTLE_ENDIAN);
        entry.putInt(0x04034b50) // local file header signature
                .putShort((short) 20) // version needed to extract
                .putShort((short) 0x0800) // flags: name in UTF-8
                .putShort((short) 0) // method: stored
                .putInt(0) // modification time and date
                .putInt((int) crc.getValue())
                .putInt(content.length) // compressed size
                .putInt(content.length) // uncompressed size
                .putShort((short) nameBytes.length)
                .putShort((short) 0) // extra field length
                .put(nameBytes)
                .put(content);
        return entry.array();
    }
}
