package io.supplements.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/** Gzip for stored representations: compressed once when written, inflated for the clients that do not accept gzip. */
public final class Gzip {
    /** A gzip member's fixed header as GZIPOutputStream writes it (no name, comment or extra field), and its trailer. */
    private static final int HEADER = 10;

    private static final int TRAILER = 8;
    /** Deflate expands at most about 1,032 times: a trailer that claims more is not of a member written here. */
    private static final int MAX_RATIO = 1032;
    // An Inflater holds native memory; one per thread, reset between uses, instead of one per read.
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    private Gzip() {}

    public static byte[] compress(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The bytes {@link #compress} was given; the length comes from the trailer (ISIZE), which also holds their CRC-32. */
    public static byte[] inflate(byte[] gzip) {
        int n = gzip.length;
        if (n < HEADER + TRAILER || gzip[0] != (byte) 0x1f || gzip[1] != (byte) 0x8b || gzip[3] != 0) {
            throw new IllegalArgumentException("not a gzip member written by Gzip.compress");
        }
        int size = (gzip[n - 4] & 0xff)
                | (gzip[n - 3] & 0xff) << 8
                | (gzip[n - 2] & 0xff) << 16
                | (gzip[n - 1] & 0xff) << 24;
        if (size < 0 || size / MAX_RATIO > n) {
            throw new IllegalArgumentException(
                    "not a gzip member: its trailer names " + Integer.toUnsignedString(size) + " bytes");
        }
        byte[] plain = new byte[size];
        Inflater inflater = INFLATER.get();
        try {
            inflater.setInput(gzip, HEADER, n - HEADER - TRAILER);
            int read = 0;
            while (read < size && !inflater.finished()) {
                int k = inflater.inflate(plain, read, size - read);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += k;
            }
            if (read != size) {
                throw new IllegalArgumentException("truncated gzip member: " + read + " of " + size + " bytes");
            }
            CRC32 crc = new CRC32();
            crc.update(plain);
            int stored = (gzip[n - 8] & 0xff)
                    | (gzip[n - 7] & 0xff) << 8
                    | (gzip[n - 6] & 0xff) << 16
                    | (gzip[n - 5] & 0xff) << 24;
            if ((int) crc.getValue() != stored) {
                throw new IllegalArgumentException("corrupt gzip member: CRC mismatch");
            }
            return plain;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt gzip member", e);
        } finally {
            inflater.reset();
        }
    }
}
