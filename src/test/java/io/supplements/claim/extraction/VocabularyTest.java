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
        assertEquals(Optional.of("kratom"), vocabulary.supplementIn("Its alkaloid 7-hydroxymitragynine binds strongly."));
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
        assertEquals(Optional.of("nausea"), vocabulary.outcomeIn("Side effects include nausea, insomnia and hair loss."));
    }

    @Test
    void prefersTheLongestTermStartingAtAPosition() {
        Vocabulary custom = Vocabulary.of(
                Map.of(),
                Map.of("hair-loss", List.of("alopecia"), "autoimmune-hair-loss", List.of("alopecia areata")));

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
        assertEquals(Optional.of("st-johns-wort"), vocabulary.supplementIn("St. John\u2019s wort interacts with many drugs."));
    }

    @Test
    void sentenceWithoutKnownTermsHasNeither() {
        assertEquals(Optional.empty(), vocabulary.supplementIn("Quality control is paramount."));
        assertEquals(Optional.empty(), vocabulary.outcomeIn("Quality control is paramount."));
    }

    @Test
    void rejectsATermListedUnderTwoSlugs() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(
                Map.of(),
                Map.of("sleep", List.of("insomnia"), "anxiety", List.of("Insomnia"))));
    }
}
