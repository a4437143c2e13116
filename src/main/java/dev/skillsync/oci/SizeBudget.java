package dev.skillsync.oci;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A number of bytes that reading one artifact may use up. Bytes are counted as they are actually read, so a
 * hostile registry or archive cannot exceed it by declaring smaller sizes than it sends.
 */
final class SizeBudget {

    private final long limit;
    private final String exceededMessage;
    private long used;

    /**
     * @param exceededMessage the error message when the limit is passed: what is too large, and how to raise it
     */
    SizeBudget(long limit, String exceededMessage) {
        this.limit = limit;
        this.exceededMessage = exceededMessage;
    }

    /** Fails early when content declared to have this size could not fit; the declaration is not trusted further. */
    void requireRoomFor(long bytes) throws ContentTooLargeException {
        if (bytes > limit - used) {
            throw new ContentTooLargeException(exceededMessage);
        }
    }

    /** Uses up {@code bytes}, or fails if that would go past the limit. */
    void consume(long bytes) throws ContentTooLargeException {
        requireRoomFor(bytes);
        used += bytes;
    }

    /** The stream, with every byte read from it taken from this budget. */
    InputStream meter(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    consume(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    consume(n);
                }
                return n;
            }

            /** Re-reading after a reset would count bytes twice. */
            @Override
            public boolean markSupported() {
                return false;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                consume(skipped);
                return skipped;
            }
        };
    }
}
