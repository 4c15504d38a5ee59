package io.supplements.seedtext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Seed files copied byte for byte from the real samples, plus a small valid article to mutate in error tests. */
final class SeedFixtures {

    static final String SEED_000 = "000_d86605129c82c006.txt";
    static final String SEED_001 = "001_3fb4897e27bae9c5.txt";
    static final String SEED_002 = "002_44950660dd50b175.txt";
    static final String SEED_003 = "003_da69b7ad184b59f8.txt";
    static final String SEED_004 = "004_2e087eabf4b5b044.txt";
    static final List<String> ALL_SEEDS = List.of(SEED_000, SEED_001, SEED_002, SEED_003, SEED_004);

    /**
     * Line numbers: 1 summary, 2 introduction, 3-4 table of contents, 5 heading, 6 blank, 7 paragraph,
     * 8 heading, 9 paragraph, 10 conclusion.
     */
    static final List<String> SMALL = List.of(
            "Summary of the article.",
            "Introduction to the article.",
            "- First Heading",
            "- Second Heading",
            "First Heading",
            "",
            "First paragraph of the first section.",
            "Second Heading",
            "First paragraph of the second section.",
            "The conclusion paragraph.");

    private SeedFixtures() {}

    static byte[] seed(String name) {
        try (InputStream in = SeedFixtures.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /seeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String lf(List<String> lines) {
        return String.join("\n", lines);
    }

    static String lf(String... lines) {
        return String.join("\n", lines);
    }
}
