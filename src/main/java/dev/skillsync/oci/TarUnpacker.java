package dev.skillsync.oci;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the regular files of a tar or gzipped tar layer. Links, devices and FIFOs are refused, as are paths that
 * are absolute or climb out with {@code ..}. Every decompressed byte, tar headers included, is taken from the
 * unpacked-size budget, so neither a gzip bomb nor a flood of empty entries can exhaust memory.
 */
final class TarUnpacker {

    private TarUnpacker() {}

    /**
     * @param directory the directory all entries must lie in (an ORAS directory layer's title); empty for any
     * @param what      the layer, for error messages
     */
    static void unpack(byte[] archive, String directory, SizeBudget unpacked, ArtifactFiles files, String what)
            throws OciException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(unpacked.meter(decompressed(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String entryWhat = what + " entry " + ArtifactPaths.display(entry.getName());
                if (!entry.isDirectory() && !isRegularFile(entry)) {
                    throw invalid(entryWhat + " is " + typeOf(entry) + "; only regular files and directories are"
                            + " allowed");
                }
                String path = ArtifactPaths.normalize(entry.getName(), what);
                if (!ArtifactPaths.isWithin(path, directory)) {
                    throw invalid(entryWhat + " lies outside the directory " + ArtifactPaths.display(directory)
                            + " the layer is titled with");
                }
                if (!entry.isDirectory()) {
                    files.add(path, tar.readAllBytes(), what);
                }
            }
        } catch (ContentTooLargeException e) {
            throw new OciException(
                    OciException.Kind.INVALID_CONTENT, e.getMessage() + " (while unpacking " + what + ")", e);
        } catch (IOException | IllegalArgumentException e) {
            // commons-compress reports malformed headers as either.
            throw new OciException(
                    OciException.Kind.INVALID_CONTENT, what + " is not a valid tar archive: " + e.getMessage(), e);
        }
    }

    /** Gzip is recognised by its magic bytes: ORAS and Flux both gzip, whatever the media type says. */
    private static InputStream decompressed(byte[] archive) throws IOException {
        InputStream raw = new ByteArrayInputStream(archive);
        return GzipCompressorInputStream.matches(archive, archive.length)
                ? new GzipCompressorInputStream(raw, true)
                : raw;
    }

    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM;
    }

    private static String typeOf(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return "a symbolic link to " + ArtifactPaths.display(entry.getLinkName());
        }
        if (entry.isLink()) {
            return "a hard link to " + ArtifactPaths.display(entry.getLinkName());
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            return "a device";
        }
        if (entry.isFIFO()) {
            return "a FIFO";
        }
        return "an entry of tar type '" + (char) entry.getLinkFlag() + "'";
    }

    private static OciException invalid(String message) {
        return new OciException(OciException.Kind.INVALID_CONTENT, message);
    }
}
