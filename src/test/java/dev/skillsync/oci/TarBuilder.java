package dev.skillsync.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes tar archives for tests, including the entries a hostile artifact would carry. */
public final class TarBuilder {

    private record Entry(TarArchiveEntry header, byte[] content) {}

    private final List<Entry> entries = new ArrayList<>();

    public static byte[] tarOf(SortedMap<String, byte[]> files) {
        TarBuilder tar = new TarBuilder();
        files.forEach(tar::file);
        return tar.build();
    }

    public TarBuilder file(String name, byte[] content) {
        // preserveAbsolutePath keeps names exactly as given, a leading / included.
        TarArchiveEntry header = new TarArchiveEntry(name, true);
        header.setSize(content.length);
        entries.add(new Entry(header, content));
        return this;
    }

    TarBuilder directory(String name) {
        entries.add(new Entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0]));
        return this;
    }

    public TarBuilder symlink(String name, String target) {
        TarArchiveEntry header = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        header.setLinkName(target);
        entries.add(new Entry(header, new byte[0]));
        return this;
    }

    TarBuilder hardLink(String name, String target) {
        TarArchiveEntry header = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        header.setLinkName(target);
        entries.add(new Entry(header, new byte[0]));
        return this;
    }

    TarBuilder fifo(String name) {
        entries.add(new Entry(new TarArchiveEntry(name, TarConstants.LF_FIFO, true), new byte[0]));
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                tar.putArchiveEntry(entry.header());
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GzipCompressorOutputStream(bytes)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
