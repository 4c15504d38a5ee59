package io.supplements.seedtext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.supplements.seedtext.ParsedArticle.ParsedSection;
import io.supplements.seedtext.ParsedArticle.RelatedResource;
import io.supplements.seedtext.ParsedArticle.RelatedResources;
import io.supplements.seedtext.ParsedArticle.TextLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedTextWriterTest {

    private static ParsedArticle article(TextLayout layout) {
        return new ParsedArticle(
                "A summary.",
                "An introduction.",
                List.of(
                        new ParsedSection("Why It Matters", true, List.of("Para A1.", "Para A2.")),
                        new ParsedSection("How It Works?", false, List.of("Para B1."))),
                "The conclusion.",
                new RelatedResources(
                        "Read more:",
                        List.of(
                                new RelatedResource(
                                        "National Institutes of Health (NIH)",
                                        "Government Portal",
                                        "Research.",
                                        "https://www.nih.gov"),
                                new RelatedResource(
                                        "Kratom Review", "Internal Guide", "Our guide.", "/kratom-review"))),
                "Dr. Jane Doe is a herbalist.",
                layout);
    }

    private static final String EXPECTED_LF = String.join(
            "\n",
            "A summary.",
            "An introduction.",
            "- Why It Matters",
            "- How It Works?",
            "Why It Matters",
            "",
            "Para A1.",
            "Para A2.",
            "How It Works?",
            "Para B1.",
            "The conclusion.",
            "Related Resources",
            "Read more:",
            "- National Institutes of Health (NIH) (Government Portal): [Research.] \u2013 https://www.nih.gov",
            "- Kratom Review (Internal Guide): [Our guide.] \u2013 /kratom-review",
            "About the Author",
            "Dr. Jane Doe is a herbalist.");

    @Test
    void writesEveryPartInFormatOrder() {
        assertEquals(EXPECTED_LF, SeedTextWriter.write(article(TextLayout.DEFAULT)));
    }

    @Test
    void nullLayoutIsWrittenAsTheDefault() {
        assertEquals(EXPECTED_LF, SeedTextWriter.write(article(null)));
    }

    @Test
    void layoutControlsByteOrderMarkLineEndingsAndFinalNewline() {
        byte[] bytes = SeedTextWriter.writeBytes(article(new TextLayout(true, true, true)));
        byte[] body = (EXPECTED_LF.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertArrayEquals(body, Arrays.copyOfRange(bytes, 3, bytes.length));
    }

    @Test
    void writtenArticleParsesBackToTheSameTree() {
        for (TextLayout layout : List.of(
                TextLayout.DEFAULT,
                new TextLayout(true, true, true),
                new TextLayout(false, true, false),
                new TextLayout(false, false, true))) {
            ParsedArticle a = article(layout);
            assertEquals(a, SeedTextParser.parse(SeedTextWriter.writeBytes(a)));
            assertEquals(a, SeedTextParser.parse(SeedTextWriter.write(a)));
        }
    }

    @Test
    void articleWithoutTrailingBlocksOmitsThem() {
        ParsedArticle a = new ParsedArticle(
                "S.",
                "I.",
                List.of(new ParsedSection("H", false, List.of("P."))),
                "C.",
                null,
                null,
                TextLayout.DEFAULT);
        assertEquals("S.\nI.\n- H\nH\nP.\nC.", SeedTextWriter.write(a));
    }

    @Test
    void refusesFieldsThatWouldBreakTheLineStructure() {
        ParsedArticle newline = new ParsedArticle(
                "S.",
                "I.",
                List.of(new ParsedSection("H", false, List.of("P.\nQ."))),
                "C.",
                null,
                null,
                TextLayout.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> SeedTextWriter.write(newline));

        ParsedArticle carriageReturn = new ParsedArticle(
                "S.\r",
                "I.",
                List.of(new ParsedSection("H", false, List.of("P."))),
                "C.",
                null,
                null,
                TextLayout.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> SeedTextWriter.write(carriageReturn));

        ParsedArticle noSections = new ParsedArticle("S.", "I.", List.of(), "C.", null, null, TextLayout.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> SeedTextWriter.write(noSections));

        ParsedArticle noConclusion = new ParsedArticle(
                "S.",
                "I.",
                List.of(new ParsedSection("H", false, List.of("P."))),
                null,
                null,
                null,
                TextLayout.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> SeedTextWriter.write(noConclusion));

        assertThrows(IllegalArgumentException.class, () -> SeedTextWriter.write(null));
    }
}
