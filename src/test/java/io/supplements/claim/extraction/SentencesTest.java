package io.supplements.claim.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    /** The "About the Author" line of seed 001. */
    private static final String AUTHOR_BIO =
            "Dr. Emily Parker is a renowned Natural Health Specialist with over 15 years of experience in the field. "
                    + "She holds a PhD in Holistic Medicine and is certified in Kratom Therapy. "
                    + "As a leading voice in the industry, Dr. Parker has contributed expert insights to numerous publications, including Forbes Magazine. "
                    + "Her specialty lies in guiding individuals towards natural solutions for muscle soreness relief, leveraging the power of kratom and other herbal remedies with meticulous care and clinical expertise.";

    /** Seed 000, line 9. */
    private static final String SEED_000_LINE_9 =
            "While kratom has shown promise in managing chronic pain, anxiety, and sleep disorders, it’s crucial to understand its safety profile. "
                    + "Unlike some synthetic alternatives, kratom is generally considered non-addictive at recommended dosages due to its unique mechanism of action. "
                    + "However, long-term use or high doses may lead to side effects such as nausea, sweating, and in rare cases, severe allergic reactions. "
                    + "Furthermore, kratom cause hair loss naturally has been reported by some individuals, though the mechanism behind this is not fully understood. "
                    + "A comprehensive study published in Pharmacognosy Research (2019) highlighted that while kratom extracts have shown potential in treating various ailments, further research is needed to establish safe and effective dosages, especially for long-term use.";

    @Test
    void doctorTitleDoesNotEndASentence() {
        assertSentences(
                AUTHOR_BIO,
                "Dr. Emily Parker is a renowned Natural Health Specialist with over 15 years of experience in the field.",
                "She holds a PhD in Holistic Medicine and is certified in Kratom Therapy.",
                "As a leading voice in the industry, Dr. Parker has contributed expert insights to numerous publications, including Forbes Magazine.",
                "Her specialty lies in guiding individuals towards natural solutions for muscle soreness relief, leveraging the power of kratom and other herbal remedies with meticulous care and clinical expertise.");
    }

    @Test
    void latinAbbreviationsDoNotEndASentenceEvenBeforeACapital() {
        assertSentences(
                "Some adaptogens, e.g. Ashwagandha, ease stress. Others, i.e. Those that sedate, aid sleep. Kratom vs. Placebo trials are rare.",
                "Some adaptogens, e.g. Ashwagandha, ease stress.",
                "Others, i.e. Those that sedate, aid sleep.",
                "Kratom vs. Placebo trials are rare.");
    }

    @Test
    void countryAbbreviationDoesNotEndASentence() {
        assertSentences(
                "The U.S. Food and Drug Administration has warned consumers. Few listened.",
                "The U.S. Food and Drug Administration has warned consumers.",
                "Few listened.");
    }

    @Test
    void parenthesisedYearFollowedByAFullStopEndsTheSentence() {
        assertSentences(
                "A study published in Pharmacognosy Research (2019). Further research is needed.",
                "A study published in Pharmacognosy Research (2019).",
                "Further research is needed.");
    }

    @Test
    void splitsASeedParagraphIntoItsSentences() {
        assertSentences(
                SEED_000_LINE_9,
                "While kratom has shown promise in managing chronic pain, anxiety, and sleep disorders, it’s crucial to understand its safety profile.",
                "Unlike some synthetic alternatives, kratom is generally considered non-addictive at recommended dosages due to its unique mechanism of action.",
                "However, long-term use or high doses may lead to side effects such as nausea, sweating, and in rare cases, severe allergic reactions.",
                "Furthermore, kratom cause hair loss naturally has been reported by some individuals, though the mechanism behind this is not fully understood.",
                "A comprehensive study published in Pharmacognosy Research (2019) highlighted that while kratom extracts have shown potential in treating various ailments, further research is needed to establish safe and effective dosages, especially for long-term use.");
    }

    @Test
    void spansExcludeLeadingAndTrailingWhitespace() {
        String paragraph = "  First sentence.   Second one.\n";

        List<Sentences.Span> spans = Sentences.split(paragraph);

        assertEquals(List.of(new Sentences.Span(2, 17), new Sentences.Span(20, 31)), spans);
        assertEquals("First sentence.", paragraph.substring(2, 17));
        assertEquals("Second one.", paragraph.substring(20, 31));
    }

    @Test
    void offsetsCountUtf16CodeUnitsLikeJavaScript() {
        // The emoji is one code point but two UTF-16 units; JavaScript's "Emoji 😀 first. Then more.".indexOf("Then")
        // is 16.
        String paragraph = "Emoji \uD83D\uDE00 first. Then more.";

        List<Sentences.Span> spans = Sentences.split(paragraph);

        assertEquals(List.of(new Sentences.Span(0, 15), new Sentences.Span(16, 26)), spans);
        assertEquals("Then more.", spans.get(1).in(paragraph));
    }

    @Test
    void blankParagraphHasNoSentences() {
        assertEquals(List.of(), Sentences.split(""));
        assertEquals(List.of(), Sentences.split(" \n\t "));
    }

    @Test
    void onlyWhitespaceLiesBetweenConsecutiveSentences() {
        for (String paragraph : List.of(AUTHOR_BIO, SEED_000_LINE_9)) {
            List<Sentences.Span> spans = Sentences.split(paragraph);
            assertEquals(0, spans.get(0).start());
            assertEquals(paragraph.length(), spans.get(spans.size() - 1).end());
            for (int i = 1; i < spans.size(); i++) {
                String gap =
                        paragraph.substring(spans.get(i - 1).end(), spans.get(i).start());
                assertTrue(gap.isBlank() && !gap.isEmpty(), "gap before sentence " + i + ": \"" + gap + "\"");
            }
        }
    }

    private static void assertSentences(String paragraph, String... expected) {
        List<String> actual = Sentences.split(paragraph).stream()
                .map(span -> span.in(paragraph))
                .toList();
        assertEquals(List.of(expected), actual);
    }
}
