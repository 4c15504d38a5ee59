package io.supplements.claim.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.load();

    @Test
    void mapsScientificNamesAndAlkaloidsToTheSupplement() {
        assertEquals(Optional.of("kratom"), vocabulary.supplementIn("Derived from Mitragyna speciosa leaves."));
        assertEquals(
                Optional.of("kratom"), vocabulary.supplementIn("Its alkaloid 7-hydroxymitragynine binds strongly."));
        assertEquals(Optional.of("kratom"), vocabulary.supplementIn("KRATOM is sold as powder."));
    }

    @Test
    void mapsOutcomeSynonymsToTheirSlug() {
        assertEquals(Optional.of("hair-loss"), vocabulary.outcomeIn("It may lead to telogen effluvium."));
        assertEquals(Optional.of("pain-relief"), vocabulary.outcomeIn("It offers analgesia comparable to opioids."));
        assertEquals(Optional.of("dependence"), vocabulary.outcomeIn("The risk of addiction is debated."));
    }

    @Test
    void outcomeIsTheFirstOneTheSentenceNames() {
        assertEquals(
                Optional.of("nausea"),
                vocabulary.outcomeIn("Reported effects include nausea, insomnia and hair loss."));
    }

    @Test
    void prefersTheLongestTermStartingAtAPosition() {
        Vocabulary custom = Vocabulary.of(
                Map.of(), Map.of("hair-loss", List.of("alopecia"), "autoimmune-hair-loss", List.of("alopecia areata")));

        assertEquals(Optional.of("autoimmune-hair-loss"), custom.outcomeIn("Conditions such as alopecia areata."));
        assertEquals(Optional.of("hair-loss"), custom.outcomeIn("Temporary alopecia was reported."));
    }

    @Test
    void matchesWholeWordsOnly() {
        assertEquals(Optional.empty(), vocabulary.supplementIn("Melatonins are a family of hormones."));
        assertEquals(Optional.empty(), vocabulary.outcomeIn("It is considered non-addictive at low doses."));
        assertEquals(Optional.of("kratom"), vocabulary.supplementIn("Kratom-induced changes were seen."));
    }

    @Test
    void typographicApostrophesMatchStraightOnes() {
        assertEquals(
                Optional.of("st-johns-wort"),
                vocabulary.supplementIn("St. John\u2019s wort interacts with many drugs."));
    }

    @Test
    void sentenceWithoutKnownTermsHasNeither() {
        assertEquals(Optional.empty(), vocabulary.supplementIn("Quality control is paramount."));
        assertEquals(Optional.empty(), vocabulary.outcomeIn("Quality control is paramount."));
    }

    @Test
    void withTermsExtendsAndLeavesTheOriginalAlone() {
        Vocabulary extended = vocabulary.withTerms(
                Map.of("kratom", List.of("Kratom", "biak"), "rhodiola", List.of("rhodiola", "rhodiola rosea")),
                Map.of("hair-loss", List.of("hair fall"), "kidney-stones", List.of("kidney stones")));

        assertEquals(Optional.of("kratom"), extended.supplementIn("Biak is the Thai name."));
        assertEquals(Optional.of("rhodiola"), extended.supplementIn("Rhodiola rosea grows in the Arctic."));
        assertEquals(Optional.of("hair-loss"), extended.outcomeIn("Some report hair fall."));
        assertEquals(Optional.of("kidney-stones"), extended.outcomeIn("It may cause kidney stones."));
        // A term already listed under the same slug is not added twice.
        assertEquals(
                1,
                extended.supplements().get("kratom").stream()
                        .filter(t -> t.equalsIgnoreCase("kratom"))
                        .count());
        // The original is unchanged.
        assertEquals(Optional.empty(), vocabulary.supplementIn("Biak is the Thai name."));
        assertEquals(Optional.empty(), vocabulary.outcomeIn("Some report hair fall."));
    }

    @Test
    void withTermsRejectsATermThatAlreadyNamesAnotherSlug() {
        assertThrows(
                IllegalArgumentException.class,
                () -> vocabulary.withTerms(Map.of(), Map.of("anxiety", List.of("insomnia"))));
    }

    @Test
    void outcomeMentionsIncludeNonCompoundsAsNegated() {
        List<Vocabulary.Mention> mentions = vocabulary.outcomeMentions("It is non-addictive but may cause hair loss.");

        assertEquals(
                List.of("dependence", "hair-loss"),
                mentions.stream().map(Vocabulary.Mention::slug).toList());
        assertEquals(
                List.of(true, false),
                mentions.stream().map(Vocabulary.Mention::nonPrefixed).toList());
        assertEquals(
                "addictive",
                "It is non-addictive but may cause hair loss."
                        .substring(mentions.get(0).start(), mentions.get(0).end()));
    }

    @Test
    void abuseAndAddictionAreDependence() {
        assertEquals(Optional.of("dependence"), vocabulary.outcomeIn("The FDA warned about its potential for abuse."));
        assertEquals(Optional.of("dependence"), vocabulary.outcomeIn("Melatonin is not habit-forming."));
    }

    @Test
    void rejectsATermListedUnderTwoSlugs() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Vocabulary.of(Map.of(), Map.of("sleep", List.of("insomnia"), "anxiety", List.of("Insomnia"))));
    }
}
