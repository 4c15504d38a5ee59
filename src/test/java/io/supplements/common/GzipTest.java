package io.supplements.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    @Test
    void inflateGivesBackWhatWasCompressedWhateverItsSize() {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 100, 25_000, 300_000}) {
            byte[] plain = new byte[size];
            for (int i = 0; i < size; i++) {
                plain[i] = (byte)
                        "{\"text\":\"Kratom – “leaf” ü\"}".charAt(random.nextInt(27)); // compressible, not constant
            }
            assertArrayEquals(plain, Gzip.inflate(Gzip.compress(plain)), "size " + size);
        }
    }

    @Test
    void whatIsStoredIsStandardGzipThatAnyClientInflates() throws IOException {
        byte[] json = "{\"title\":\"Kratom and Hair Loss – what the studies say\"}"
                .repeat(50)
                .getBytes(StandardCharsets.UTF_8);
        byte[] gzip = Gzip.compress(json);
        assertTrue(gzip.length < json.length / 5, "repetitive JSON shrinks: " + gzip.length + " of " + json.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertArrayEquals(json, in.readAllBytes());
        }
    }

    @Test
    void bytesThatAreNotACompleteGzipMemberAreRefused() {
        byte[] gzip = Gzip.compress("{\"a\":1}".repeat(100).getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> Gzip.inflate("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        byte[] truncated = Arrays.copyOf(gzip, gzip.length - 12);
        assertThrows(IllegalArgumentException.class, () -> Gzip.inflate(truncated));
        byte[] corrupt = gzip.clone();
        corrupt[12] ^= 0x55;
        assertThrows(IllegalArgumentException.class, () -> Gzip.inflate(corrupt));
    }
}
