package io.supplements.seedtext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorNamesTest {

    @Test
    void nameIsTakenFromTheRealSeedBio() {
        String bio =
                SeedTextParser.parse(SeedFixtures.seed(SeedFixtures.SEED_001)).authorBio();
        assertEquals("Dr. Emily Parker", AuthorNames.nameFromBio(bio));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Dr. Emily Parker is a renowned Natural Health Specialist with over 15 years of experience.|Dr. Emily Parker",
                "Prof. J. R. Smith has written three books.|Prof. J. R. Smith",
                "J.R.R. Tolkien wrote novels.|J.R.R. Tolkien",
                "Ludwig van Beethoven holds a special place.|Ludwig van Beethoven",
                "Maria de la Cruz holds a PhD in botany.|Maria de la Cruz",
                "Dr. Emily Parker, PhD, is a herbalist.|Dr. Emily Parker",
                "Emily Parker. She is a herbalist.|Emily Parker",
                "Dr. Emily Parker's expertise spans decades.|Dr. Emily Parker",
                "Sean O\u2019Brien-Smith is a pharmacist.|Sean O\u2019Brien-Smith",
                "Jane van is a typo.|Jane",
                "Agent 47 is fictional.|Agent",
                "Ana  María   López   is a nurse.|Ana María López",
                "\u00C9lodie Dubois is a chemist.|\u00C9lodie Dubois",
                "Alpha Beta Gamma Delta Epsilon Zeta Eta is far too long for a name.|Alpha Beta Gamma Delta Epsilon Zeta"
            })
    void nameIsTheLeadingRunOfCapitalisedWords(String bio, String expected) {
        assertEquals(expected, AuthorNames.nameFromBio(bio));
    }

    @Test
    void noNameWhenTheBioDoesNotStartWithOne() {
        assertNull(AuthorNames.nameFromBio(null));
        assertNull(AuthorNames.nameFromBio(""));
        assertNull(AuthorNames.nameFromBio("   "));
        assertNull(AuthorNames.nameFromBio("the author is a herbalist."));
        assertNull(AuthorNames.nameFromBio("With over 15 years of experience, Dr. Parker writes."));
        assertNull(AuthorNames.nameFromBio("The Natural Health Team writes these guides."));
        assertNull(AuthorNames.nameFromBio("15 years of experience."));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Dr. Emily Parker|dr-emily-parker",
                "Kratom's Role|kratoms-role",
                "Kratom\u2019s Role|kratoms-role",
                "Crème Brûlée|creme-brulee",
                "  --Hello,  World!!--  |hello-world",
                "Straße Øl Æsir|strasse-ol-aesir",
                "Potential Side Effects: Can Kratom Cause Hair Loss?|potential-side-effects-can-kratom-cause-hair-loss",
                "\uFB01ne 2\u00B2|fine-22",
                "\uFF21\uFF42\uFF43 123|abc-123",
                "Ünïcödé & Co.|unicode-co"
            })
    void slugIsLowercaseAsciiWithSingleDashes(String input, String expected) {
        assertEquals(expected, AuthorNames.slugify(input));
    }

    @Test
    void slugOfNothingUsableIsEmpty() {
        assertEquals("", AuthorNames.slugify(null));
        assertEquals("", AuthorNames.slugify(""));
        assertEquals("", AuthorNames.slugify("!!! \u2014 ???"));
        assertEquals("", AuthorNames.slugify("\u4E2D\u6587"));
    }
}
