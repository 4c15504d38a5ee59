package io.supplements.seedtext;

import static io.supplements.seedtext.SeedFixtures.SMALL;
import static io.supplements.seedtext.SeedFixtures.lf;
import static io.supplements.seedtext.SeedFixtures.seed;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplements.seedtext.ParsedArticle.ParsedSection;
import io.supplements.seedtext.ParsedArticle.RelatedResource;
import io.supplements.seedtext.ParsedArticle.TextLayout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeedTextParserTest {

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private static String small(Consumer<List<String>> edit) {
        List<String> lines = new ArrayList<>(SMALL);
        edit.accept(lines);
        return lf(lines);
    }

    private static SeedFormatException rejected(String text, String rule, int line) {
        SeedFormatException e = assertThrows(SeedFormatException.class, () -> SeedTextParser.parse(text));
        assertRuleAndLine(e, rule, line);
        return e;
    }

    private static SeedFormatException rejected(byte[] bytes, String rule, int line) {
        SeedFormatException e = assertThrows(SeedFormatException.class, () -> SeedTextParser.parse(bytes));
        assertRuleAndLine(e, rule, line);
        return e;
    }

    private static void assertRuleAndLine(SeedFormatException e, String rule, int line) {
        assertAll(
                () -> assertEquals(rule, e.rule(), "rule of: " + e.getMessage()),
                () -> assertEquals(line, e.line(), "line of: " + e.getMessage()),
                () -> assertTrue(
                        line == 0 || e.getMessage().startsWith("line " + line + ": "),
                        "message names the line: " + e.getMessage()),
                () -> assertFalse(
                        e.getMessage().contains("Exception") || e.getMessage().contains("io.supplements"),
                        "message leaks implementation details: " + e.getMessage()));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> paragraphs(ParsedArticle a, int section) {
        return a.sections().get(section).paragraphs();
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class RealSeeds {

        @Test
        void seed000HasThreeSectionsWithBlankLinesAfterHeadingsAndNoTrailingBlocks() {
            ParsedArticle a = SeedTextParser.parse(seed(SeedFixtures.SEED_000));

            assertTrue(
                    a.summary().startsWith("Kratom, derived from Mitragyna speciosa, offers natural pain management"));
            assertTrue(a.summary().endsWith("frequency, and individual susceptibility."));
            assertTrue(a.introduction().startsWith("Pain management is a critical aspect of overall health"));
            assertEquals(
                    List.of(
                            "Understanding Kratom: Benefits and Safety Profile",
                            "Exploring Natural Pain Relief: Mechanism of Action",
                            "Side Effects and Considerations: Including Hair Loss"),
                    a.sections().stream().map(ParsedSection::heading).toList());
            assertTrue(a.sections().stream().allMatch(ParsedSection::blankLineAfterHeading));
            assertEquals(
                    List.of(3, 3, 3),
                    a.sections().stream().map(s -> s.paragraphs().size()).toList());
            assertTrue(paragraphs(a, 0)
                    .get(0)
                    .startsWith("Kratom, derived from the tropical plant Mitragyna speciosa, has gained"));
            assertTrue(paragraphs(a, 2)
                    .get(2)
                    .startsWith("Addressing kratom-induced hair loss requires a multi-faceted approach."));
            assertTrue(a.conclusion().startsWith("Kratom supplements have emerged"));
            assertTrue(a.conclusion().endsWith("in their natural pain management journey."));
            assertNull(a.related());
            assertNull(a.authorBio());
            assertEquals(TextLayout.DEFAULT, a.layout());
        }

        @Test
        void seed001HasSevenRelatedResourcesIncludingAnInternalSitePathAndAnAuthor() {
            ParsedArticle a = SeedTextParser.parse(seed(SeedFixtures.SEED_001));

            assertEquals(3, a.sections().size());
            assertEquals(
                    "Potential Side Effects: Can Kratom Cause Hair Loss?",
                    a.sections().get(2).heading());
            assertEquals(
                    List.of(3, 3, 3),
                    a.sections().stream().map(s -> s.paragraphs().size()).toList());
            assertTrue(paragraphs(a, 2).get(2).startsWith("If you\u2019re experiencing hair loss"));
            assertTrue(a.conclusion().startsWith("After exploring the role of kratom in alleviating muscle soreness"));

            assertEquals(
                    "Here are 7 authoritative resources for an article about muscle soreness relief with kratom:",
                    a.related().intro());
            List<RelatedResource> resources = a.related().resources();
            assertEquals(7, resources.size());
            assertEquals(
                    new RelatedResource(
                            "National Institutes of Health (NIH)",
                            "Government Portal",
                            "Offers comprehensive information on health and medical research, including insights into "
                                    + "herbal supplements like kratom.",
                            "https://www.nih.gov"),
                    resources.get(0));
            RelatedResource fifth = resources.get(4);
            assertEquals("Kratom Review", fifth.name());
            assertEquals("Internal Guide", fifth.type());
            assertEquals("/kratom-review", fifth.url());
            assertTrue(fifth.description().startsWith("An in-house guide providing"));
            assertTrue(fifth.description().endsWith("within the context of our brand\u2019s offerings."));
            assertEquals(
                    "National Center for Complementary and Integrative Health (NCCIH)",
                    resources.get(6).name());
            assertEquals("Government Agency", resources.get(6).type());
            assertEquals("https://www.nccih.nih.gov/", resources.get(6).url());

            assertTrue(a.authorBio().startsWith("Dr. Emily Parker is a renowned Natural Health Specialist"));
            assertTrue(a.authorBio().endsWith("with meticulous care and clinical expertise."));
        }

        @Test
        void seed002HasNoBlankLinesAfterHeadingsAndTwoParagraphsPerSection() {
            ParsedArticle a = SeedTextParser.parse(seed(SeedFixtures.SEED_002));

            assertEquals(3, a.sections().size());
            assertTrue(a.sections().stream().noneMatch(ParsedSection::blankLineAfterHeading));
            assertEquals(
                    "Safe Use and Considerations for Kratom in Withdrawal Management",
                    a.sections().get(2).heading());
            assertEquals(
                    List.of(2, 2, 2),
                    a.sections().stream().map(s -> s.paragraphs().size()).toList());
            assertTrue(paragraphs(a, 0).get(0).startsWith("Opioid withdrawal is a complex process"));
            assertTrue(paragraphs(a, 2).get(1).startsWith("Safe use involves starting with low doses"));
            assertTrue(a.conclusion().startsWith("Kratom has emerged as a potential natural solution"));
            assertNull(a.related());
            assertNull(a.authorBio());
        }

        @Test
        void seed003FirstSectionHasASingleParagraph() {
            ParsedArticle a = SeedTextParser.parse(seed(SeedFixtures.SEED_003));

            assertEquals(
                    "Understanding Kratom's Role in Chronic Pain Management",
                    a.sections().get(0).heading());
            assertEquals(
                    List.of(1, 2, 2),
                    a.sections().stream().map(s -> s.paragraphs().size()).toList());
            assertTrue(paragraphs(a, 0).get(0).startsWith("Mitragyna speciosa, commonly known as kratom"));
            assertTrue(paragraphs(a, 2).get(1).startsWith("Yet, it is crucial to weigh the potential benefits"));
            assertTrue(a.conclusion().startsWith("Kratom, a plant-based supplement with origins in Southeast Asia"));
        }

        @Test
        void seed004FirstHeadingIsAQuestion() {
            ParsedArticle a = SeedTextParser.parse(seed(SeedFixtures.SEED_004));

            assertEquals(
                    List.of(
                            "What is Kratom and How Does it Work for Pain Management?",
                            "Exploring the Potential Benefits and Side Effects of Kratom Supplements",
                            "Navigating Safe Kratom Usage: Tips and Precautions"),
                    a.sections().stream().map(ParsedSection::heading).toList());
            assertEquals(
                    List.of(2, 2, 2),
                    a.sections().stream().map(s -> s.paragraphs().size()).toList());
            assertTrue(paragraphs(a, 1).get(1).startsWith("However, as with any supplement"));
            assertTrue(a.conclusion().startsWith("Kratom supplements have gained attention as a natural alternative"));
            assertTrue(a.conclusion().endsWith("to ensure informed and responsible Kratom usage."));
        }

        @Test
        void headingHeuristicAcceptsEverySeedHeadingAndNoSeedParagraph() {
            for (String name : SeedFixtures.ALL_SEEDS) {
                ParsedArticle a = SeedTextParser.parse(seed(name));
                for (ParsedSection s : a.sections()) {
                    assertTrue(SeedTextParser.looksLikeHeading(s.heading()), name + ": " + s.heading());
                    for (String p : s.paragraphs()) {
                        assertFalse(SeedTextParser.looksLikeHeading(p), name + ": " + p);
                    }
                }
                assertFalse(SeedTextParser.looksLikeHeading(a.conclusion()), name);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class RoundTrip {

        static Stream<Arguments> seedVariants() {
            List<Arguments> out = new ArrayList<>();
            for (String name : SeedFixtures.ALL_SEEDS) {
                for (boolean bom : new boolean[] {false, true}) {
                    for (boolean crlf : new boolean[] {false, true}) {
                        for (boolean finalNewline : new boolean[] {false, true}) {
                            out.add(Arguments.of(name, new TextLayout(bom, crlf, finalNewline)));
                        }
                    }
                }
            }
            return out.stream();
        }

        /** Builds the variant from the raw seed bytes, independently of the writer. */
        private static byte[] variant(byte[] seed, TextLayout layout) {
            String text = new String(seed, StandardCharsets.UTF_8);
            String separator = layout.crlf() ? "\r\n" : "\n";
            text = text.replace("\n", separator);
            if (layout.finalNewline()) {
                text = text + separator;
            }
            if (layout.byteOrderMark()) {
                text = "\uFEFF" + text;
            }
            return utf8(text);
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("seedVariants")
        void everySeedVariantRoundTripsByteForByteAndKeepsItsContent(String name, TextLayout layout) {
            byte[] original = seed(name);
            byte[] input = variant(original, layout);

            ParsedArticle parsed = SeedTextParser.parse(input);

            assertArrayEquals(input, SeedTextWriter.writeBytes(parsed));
            assertEquals(layout, parsed.layout());
            ParsedArticle plain = SeedTextParser.parse(original);
            assertEquals(
                    new ParsedArticle(
                            plain.summary(),
                            plain.introduction(),
                            plain.sections(),
                            plain.conclusion(),
                            plain.related(),
                            plain.authorBio(),
                            layout),
                    parsed);
        }

        @Test
        void unmodifiedSeedsRoundTripByteForByte() {
            for (String name : SeedFixtures.ALL_SEEDS) {
                byte[] bytes = seed(name);
                assertArrayEquals(bytes, SeedTextWriter.writeBytes(SeedTextParser.parse(bytes)), name);
            }
        }

        @Test
        void stringInputWithByteOrderMarkRoundTripsAsString() {
            String text = "\uFEFF" + lf(SMALL) + "\n";
            ParsedArticle a = SeedTextParser.parse(text);
            assertEquals(new TextLayout(true, false, true), a.layout());
            assertEquals("Summary of the article.", a.summary());
            assertEquals(text, SeedTextWriter.write(a));
        }

        @Test
        void byteOrderMarkIsWrittenAsUtf8Bytes() {
            byte[] input = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(lf(SMALL)));
            ParsedArticle a = SeedTextParser.parse(input);
            assertTrue(a.layout().byteOrderMark());
            assertEquals("Summary of the article.", a.summary());
            assertArrayEquals(input, SeedTextWriter.writeBytes(a));
        }

        @Test
        void surroundingWhitespaceTabsAndAstralCharactersArePreserved() {
            String text = small(l -> {
                l.set(0, "  Summary with leading and trailing spaces.  ");
                l.set(1, "\tIntroduction after a tab, with an emoji \uD83C\uDF3F.");
                l.set(6, "   Indented paragraph.\t");
            });
            ParsedArticle a = SeedTextParser.parse(text);
            assertEquals("  Summary with leading and trailing spaces.  ", a.summary());
            assertEquals("\tIntroduction after a tab, with an emoji \uD83C\uDF3F.", a.introduction());
            assertEquals("   Indented paragraph.\t", paragraphs(a, 0).get(0));
            assertEquals(text, SeedTextWriter.write(a));
        }

        @Test
        void smallArticleParsesIntoTheExpectedTree() {
            ParsedArticle a = SeedTextParser.parse(lf(SMALL));
            assertEquals(
                    new ParsedArticle(
                            "Summary of the article.",
                            "Introduction to the article.",
                            List.of(
                                    new ParsedSection(
                                            "First Heading", true, List.of("First paragraph of the first section.")),
                                    new ParsedSection(
                                            "Second Heading",
                                            false,
                                            List.of("First paragraph of the second section."))),
                            "The conclusion paragraph.",
                            null,
                            null,
                            TextLayout.DEFAULT),
                    a);
        }

        @Test
        void relatedResourcesWithoutAuthorAndAuthorWithoutRelatedResourcesRoundTrip() {
            String onlyRelated = small(l -> {
                l.add("Related Resources");
                l.add("Further reading:");
                l.add("- Site (Guide): [Has [nested] brackets and a (parenthesis).] \u2013 http://example.org/a?b=c");
            });
            ParsedArticle r = SeedTextParser.parse(onlyRelated);
            assertNull(r.authorBio());
            assertEquals(
                    new RelatedResource(
                            "Site", "Guide", "Has [nested] brackets and a (parenthesis).", "http://example.org/a?b=c"),
                    r.related().resources().get(0));
            assertEquals(onlyRelated, SeedTextWriter.write(r));

            String onlyAuthor = small(l -> {
                l.add("About the Author");
                l.add("Jane Doe writes about herbs.");
            });
            ParsedArticle w = SeedTextParser.parse(onlyAuthor);
            assertNull(w.related());
            assertEquals("Jane Doe writes about herbs.", w.authorBio());
            assertEquals(onlyAuthor, SeedTextWriter.write(w));
        }

        @Test
        void finalNewlineIsNotABlankLineButTwoAreOne() {
            ParsedArticle a = SeedTextParser.parse(lf(SMALL) + "\n");
            assertTrue(a.layout().finalNewline());
            assertEquals("The conclusion paragraph.", a.conclusion());
            rejected(lf(SMALL) + "\n\n", "blank-line", 11);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class ByteAndCharacterLevelErrors {

        @Test
        void zeroBytesIsAnEmptyBody() {
            rejected(new byte[0], "empty-body", 0);
        }

        @Test
        void whitespaceOnlyIsAnEmptyBody() {
            rejected(" \n\t\r\n\u00A0 \n", "empty-body", 0);
            rejected(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}, "empty-body", 0);
        }

        @Test
        void invalidUtf8NamesByteOffsetAndLine() {
            String before = lf(SMALL.subList(0, 6)) + "\n";
            byte[] bytes = concat(utf8(before), new byte[] {(byte) 0xC3, (byte) 0x28}, utf8(lf(SMALL.subList(6, 10))));
            SeedFormatException e = rejected(bytes, "not-utf8", 7);
            assertTrue(e.getMessage().contains("byte offset " + utf8(before).length), e.getMessage());
            assertTrue(e.getMessage().contains("0xC3"), e.getMessage());
        }

        @Test
        void truncatedMultiByteSequenceAtTheEndIsNotUtf8() {
            rejected(concat(utf8(lf(SMALL)), new byte[] {(byte) 0xE2, (byte) 0x80}), "not-utf8", 10);
        }

        @Test
        void overlongAndSurrogateEncodingsAreNotUtf8() {
            rejected(concat(new byte[] {'A', (byte) 0xC0, (byte) 0xAF}, utf8("\n" + lf(SMALL))), "not-utf8", 1);
            rejected(
                    concat(utf8("Summary.\n"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\nrest")),
                    "not-utf8",
                    2);
        }

        @Test
        void unpairedSurrogateInAStringIsRejectedBecauseItCannotBeWrittenAsUtf8() {
            rejected(small(l -> l.set(8, "Broken \uD800 surrogate.")), "not-utf8", 9);
        }

        @Test
        void binaryFilesAreRejected() {
            byte[] pngHeader = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
            rejected(pngHeader, "not-utf8", 1);

            Random random = new Random(42);
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[256];
                random.nextBytes(junk);
                SeedFormatException e = assertThrows(SeedFormatException.class, () -> SeedTextParser.parse(junk));
                assertTrue(Set.of("not-utf8", "control-characters").contains(e.rule()), e.getMessage());
            }
        }

        @Test
        void nulIsAControlCharacter() {
            SeedFormatException e = rejected(small(l -> l.set(6, "First para\u0000graph.")), "control-characters", 7);
            assertTrue(e.getMessage().contains("U+0000"), e.getMessage());
            assertTrue(e.getMessage().contains("column 11"), e.getMessage());
        }

        @Test
        void otherC0AndC1ControlsAreRejectedButTabIsAllowed() {
            rejected(small(l -> l.set(1, "Bell \u0007 here.")), "control-characters", 2);
            rejected(small(l -> l.set(9, "Escape \u001B[0m.")), "control-characters", 10);
            rejected(utf8(small(l -> l.set(4, "First\u0085Heading"))), "control-characters", 5);
            rejected(small(l -> l.set(9, "Delete \u007F.")), "control-characters", 10);
            assertEquals(
                    "Tab\tinside.",
                    SeedTextParser.parse(small(l -> l.set(9, "Tab\tinside."))).conclusion());
        }

        @Test
        void loneCarriageReturnIsAControlCharacter() {
            rejected(small(l -> l.set(6, "Old\rMac line.")), "control-characters", 7);
        }

        @Test
        void mixedLineEndingsNameTheFirstLineThatDiffers() {
            String text = String.join("\n", SMALL.subList(0, 3)) + "\n" + SMALL.get(3) + "\r\n"
                    + String.join("\n", SMALL.subList(4, 10));
            SeedFormatException e = rejected(text, "mixed-line-endings", 4);
            assertTrue(e.getMessage().contains("CRLF"), e.getMessage());
        }

        @Test
        void crlfFileWithOneBareLfIsMixed() {
            String text = String.join("\r\n", SMALL.subList(0, 7)) + "\n" + String.join("\r\n", SMALL.subList(7, 10));
            rejected(text, "mixed-line-endings", 7);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class HeaderAndTableOfContentsErrors {

        @Test
        void blankFirstLineIsAMissingSummary() {
            rejected(small(l -> l.set(0, "")), "missing-summary", 1);
            rejected(small(l -> l.set(0, "   ")), "missing-summary", 1);
        }

        @Test
        void bulletOnFirstLineIsAMissingSummary() {
            rejected(small(l -> l.set(0, "- First Heading")), "missing-summary", 1);
        }

        @Test
        void blankSecondLineIsAMissingIntroduction() {
            rejected(small(l -> l.set(1, "")), "missing-introduction", 2);
        }

        @Test
        void bulletOnSecondLineIsAMissingIntroduction() {
            rejected(small(l -> l.remove(1)), "missing-introduction", 2);
        }

        @Test
        void singleLineIsAMissingIntroduction() {
            rejected("Only a summary.", "missing-introduction", 2);
        }

        @Test
        void noBulletOnLineThreeIsAMissingTableOfContents() {
            rejected(
                    small(l -> {
                        l.remove(3);
                        l.remove(2);
                    }),
                    "missing-toc",
                    3);
            rejected("Summary.\nIntroduction.", "missing-toc", 3);
        }

        @Test
        void blankLineBeforeTheTableOfContentsIsABlankLine() {
            rejected(small(l -> l.add(2, "")), "blank-line", 3);
        }

        @Test
        void bulletWithoutTextIsAnEmptyTocEntry() {
            rejected(small(l -> l.set(3, "- ")), "empty-toc-entry", 4);
            rejected(small(l -> l.set(3, "-   ")), "empty-toc-entry", 4);
        }

        @Test
        void repeatedTocEntryIsADuplicate() {
            SeedFormatException e = rejected(small(l -> l.add(4, "- First Heading")), "duplicate-toc-entry", 5);
            assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        }

        @Test
        void blockHeadingAsTocEntryIsReserved() {
            rejected(small(l -> l.set(3, "- About the Author")), "reserved-heading", 4);
            rejected(small(l -> l.set(2, "- Related Resources")), "reserved-heading", 3);
        }

        @Test
        void tableOfContentsWithoutAnyBodyLeavesTheFirstEntryWithoutSection() {
            rejected(lf(SMALL.subList(0, 4)), "toc-entry-without-section", 3);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class BodyErrors {

        @Test
        void blankLineBetweenParagraphs() {
            SeedFormatException e = rejected(small(l -> l.add(9, "")), "blank-line", 10);
            assertTrue(e.getMessage().contains("directly after a section heading"), e.getMessage());
        }

        @Test
        void secondBlankLineAfterAHeading() {
            rejected(small(l -> l.add(5, "")), "blank-line", 7);
        }

        @Test
        void whitespaceOnlyLineAfterAHeadingIsABlankLine() {
            rejected(small(l -> l.set(5, "  ")), "blank-line", 6);
        }

        @Test
        void paragraphBetweenTableOfContentsAndFirstHeading() {
            rejected(
                    small(l -> l.add(4, "A stray paragraph before any heading.")), "paragraph-before-first-section", 5);
        }

        @Test
        void headingLikeLineMatchingNoTocEntryIsAnUnknownHeading() {
            SeedFormatException e = rejected(small(l -> l.add(7, "Foo Bar")), "unknown-heading", 8);
            assertEquals(
                    "line 8: \"Foo Bar\" looks like a section heading but matches no table-of-contents entry",
                    e.getMessage());
        }

        @Test
        void questionLineCountsAsHeadingLike() {
            rejected(small(l -> l.add(9, "Is Kratom Safe for Everyone?")), "unknown-heading", 10);
        }

        @Test
        void misspelledFirstHeadingIsAnUnknownHeading() {
            rejected(small(l -> l.set(4, "First Headin")), "unknown-heading", 5);
        }

        @Test
        void nearMissOfABlockHeadingIsAnUnknownHeading() {
            SeedFormatException e = rejected(
                    small(l -> {
                        l.add("About the author:");
                        l.add("Jane Doe writes.");
                    }),
                    "unknown-heading",
                    11);
            assertTrue(e.getMessage().contains("\"About the Author\""), e.getMessage());
        }

        @Test
        void sentencesThatDoNotLookLikeHeadingsAreParagraphs() {
            ParsedArticle a = SeedTextParser.parse(small(l -> {
                l.add(7, "Short line ending in a colon:");
                l.add(8, "Two sentences. Without a final stop");
                l.add(9, "She said \u201Cyes\u201D");
            }));
            assertEquals(
                    List.of(
                            "First paragraph of the first section.",
                            "Short line ending in a colon:",
                            "Two sentences. Without a final stop",
                            "She said \u201Cyes\u201D"),
                    paragraphs(a, 0));
        }

        @Test
        void sectionsInTheWrongOrderAreOutOfOrder() {
            String text = lf(
                    SMALL.get(0),
                    SMALL.get(1),
                    SMALL.get(2),
                    SMALL.get(3),
                    "Second Heading",
                    "Para two.",
                    "First Heading",
                    "Para one.",
                    "Conclusion.");
            SeedFormatException e = rejected(text, "out-of-order-section", 5);
            assertTrue(
                    e.getMessage().contains("\"Second Heading\" comes before section \"First Heading\""),
                    e.getMessage());
        }

        @Test
        void headingRepeatedInTheBodyIsADuplicateHeading() {
            SeedFormatException e = rejected(small(l -> l.add(7, "First Heading")), "duplicate-heading", 8);
            assertTrue(e.getMessage().contains("line 5"), e.getMessage());
        }

        @Test
        void headingRepeatedAfterAllSectionsIsADuplicateHeading() {
            rejected(small(l -> l.add(9, "Second Heading")), "duplicate-heading", 10);
        }

        @Test
        void tocEntryWhoseSectionIsMissingNamesTheTocLine() {
            SeedFormatException e = rejected(small(l -> l.remove(7)), "toc-entry-without-section", 4);
            assertTrue(e.getMessage().contains("\"Second Heading\""), e.getMessage());
        }

        @Test
        void laterHeadingBeforeAMissingOneNamesTheMissingTocEntry() {
            // "First Heading" never occurs, so "Second Heading" is not out of order: the first section is missing.
            rejected(
                    small(l -> {
                        l.remove(6);
                        l.remove(5);
                        l.remove(4);
                    }),
                    "toc-entry-without-section",
                    3);
        }

        @Test
        void sectionFollowedDirectlyByTheNextHeadingHasNoParagraphs() {
            rejected(
                    small(l -> {
                        l.remove(6);
                        l.remove(5);
                    }),
                    "section-without-paragraphs",
                    5);
        }

        @Test
        void lastSectionWhoseOnlyParagraphBecomesTheConclusionHasNoParagraphs() {
            SeedFormatException e = rejected(small(l -> l.remove(8)), "section-without-paragraphs", 8);
            assertTrue(e.getMessage().contains("conclusion"), e.getMessage());
        }

        @Test
        void lastSectionWithoutAnyParagraphLeavesNoConclusion() {
            rejected(lf(SMALL.subList(0, 8)), "missing-conclusion", 8);
            rejected(lf(SMALL.subList(0, 8)) + "\nAbout the Author\nJane Doe writes.", "missing-conclusion", 8);
        }

        @Test
        void blockHeadingBeforeAllSectionsLeavesTocEntryWithoutSection() {
            rejected(small(l -> l.add(7, "Related Resources")), "toc-entry-without-section", 4);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class TrailingBlockErrors {

        private static final String RESOURCE = "- Site (Guide): [Useful.] \u2013 https://example.org";

        private String withRelated(String... lines) {
            return small(l -> {
                l.add("Related Resources");
                l.addAll(List.of(lines));
            });
        }

        @Test
        void relatedResourcesAsLastLineHasNoIntro() {
            rejected(withRelated(), "missing-resources-intro", 11);
        }

        @Test
        void resourceLineWhereTheIntroShouldBe() {
            rejected(withRelated(RESOURCE), "missing-resources-intro", 12);
            rejected(withRelated("", RESOURCE), "missing-resources-intro", 12);
            rejected(withRelated("  "), "missing-resources-intro", 12);
        }

        @Test
        void introWithoutResourcesIsMissingResources() {
            rejected(withRelated("Further reading:"), "missing-resources", 11);
            rejected(withRelated("Further reading:", "About the Author", "Jane Doe."), "missing-resources", 11);
        }

        @Test
        void hyphenInsteadOfEnDashIsMalformed() {
            SeedFormatException e = rejected(
                    withRelated("Intro:", "- Site (Guide): [Useful.] - https://example.org"), "malformed-resource", 13);
            assertTrue(e.getMessage().contains("en dash"), e.getMessage());
        }

        @Test
        void resourceWithoutTypeIsMalformed() {
            rejected(
                    withRelated("Intro:", RESOURCE, "- Site: [Useful.] \u2013 https://example.org"),
                    "malformed-resource",
                    14);
        }

        @Test
        void resourceWithoutNameIsMalformed() {
            rejected(
                    withRelated("Intro:", "- (Guide): [Useful.] \u2013 https://example.org"), "malformed-resource", 13);
        }

        @Test
        void resourceWithEmptyDescriptionIsMalformed() {
            rejected(withRelated("Intro:", "- Site (Guide): [] \u2013 https://example.org"), "malformed-resource", 13);
        }

        @Test
        void resourceUrlMustBeHttpOrASitePath() {
            rejected(
                    withRelated("Intro:", "- Site (Guide): [Useful.] \u2013 ftp://example.org"),
                    "malformed-resource",
                    13);
            rejected(
                    withRelated("Intro:", "- Site (Guide): [Useful.] \u2013 https://example.org/a b"),
                    "malformed-resource",
                    13);
            rejected(withRelated("Intro:", "- Site (Guide): [Useful.] \u2013 //example.org"), "malformed-resource", 13);
            rejected(withRelated("Intro:", "- Site (Guide): [Useful.] \u2013 "), "malformed-resource", 13);
        }

        @Test
        void plainLineAmongResourcesIsMalformed() {
            rejected(withRelated("Intro:", RESOURCE, "Some commentary."), "malformed-resource", 14);
            rejected(withRelated("Intro:", RESOURCE, "Related Resources", RESOURCE), "malformed-resource", 14);
        }

        @Test
        void blankLineAmongResourcesIsABlankLine() {
            rejected(withRelated("Intro:", RESOURCE, "", RESOURCE), "blank-line", 14);
        }

        @Test
        void aboutTheAuthorAsLastLineHasNoBio() {
            rejected(small(l -> l.add("About the Author")), "empty-author", 11);
        }

        @Test
        void blankBioIsEmptyAuthor() {
            rejected(
                    small(l -> {
                        l.add("About the Author");
                        l.add(" \t");
                    }),
                    "empty-author",
                    12);
            rejected(
                    small(l -> {
                        l.add("About the Author");
                        l.add("");
                        l.add("Jane Doe writes about herbs.");
                    }),
                    "empty-author",
                    12);
        }

        @Test
        void finalNewlineAfterABlockHeadingIsNotABioOrIntro() {
            rejected(small(l -> l.add("About the Author")) + "\n", "empty-author", 11);
            rejected(small(l -> l.add("Related Resources")) + "\n", "missing-resources-intro", 11);
        }

        @Test
        void secondBioLineIsTextAfterAuthor() {
            rejected(
                    small(l -> {
                        l.add("About the Author");
                        l.add("Jane Doe writes about herbs.");
                        l.add("She lives in Lisbon.");
                    }),
                    "text-after-author",
                    13);
        }

        @Test
        void relatedResourcesAfterTheAuthorIsTextAfterAuthor() {
            rejected(
                    small(l -> {
                        l.add("About the Author");
                        l.add("Jane Doe writes about herbs.");
                        l.add("Related Resources");
                    }),
                    "text-after-author",
                    13);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class LargeInput {

        @Test
        void tenMegabyteArticleParsesAndRoundTripsInLinearTime() {
            StringBuilder sb = new StringBuilder(lf(SMALL.subList(0, 5)));
            String paragraph = "This paragraph is filler text repeated to make a very large article body. "
                    .repeat(6)
                    .strip();
            while (sb.length() < 10_000_000) {
                sb.append('\n').append(paragraph);
            }
            sb.append('\n')
                    .append("Second Heading")
                    .append('\n')
                    .append(paragraph)
                    .append('\n')
                    .append("The end.");
            byte[] bytes = utf8(sb.toString());

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                ParsedArticle a = SeedTextParser.parse(bytes);
                assertEquals("The end.", a.conclusion());
                assertArrayEquals(bytes, SeedTextWriter.writeBytes(a));
            });
        }

        @Test
        void tenMegabyteSingleLineIsRejectedQuickly() {
            String text = "x".repeat(10_000_000);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected(text, "missing-introduction", 2));
        }

        @Test
        void tenMegabytesOfManyHeadingsIsRejectedQuickly() {
            StringBuilder sb = new StringBuilder("Summary.\nIntro.\n- A\n- B\nA\npara.");
            while (sb.length() < 10_000_000) {
                sb.append("\nA");
            }
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected(sb.toString(), "duplicate-heading", 7));
        }
    }
}
