package io.supplements.claim.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed paragraphs below are copied verbatim from /work/shared/seeds; across all five seeds
 * these eight sentences are the only ones that cite a source inline.
 */
class ClaimExtractorTest {

    private static final String SEED_000_LINE_9 = "While kratom has shown promise in managing chronic pain, anxiety, and sleep disorders, it’s crucial to understand its safety profile. "
            + "Unlike some synthetic alternatives, kratom is generally considered non-addictive at recommended dosages due to its unique mechanism of action. "
            + "However, long-term use or high doses may lead to side effects such as nausea, sweating, and in rare cases, severe allergic reactions. "
            + "Furthermore, kratom cause hair loss naturally has been reported by some individuals, though the mechanism behind this is not fully understood. "
            + "A comprehensive study published in Pharmacognosy Research (2019) highlighted that while kratom extracts have shown potential in treating various ailments, further research is needed to establish safe and effective dosages, especially for long-term use.";

    private static final String SEED_000_LINE_18 = "While kratom supplements have gained popularity for their potential natural pain management benefits, it’s crucial to approach them with a thorough understanding of possible side effects, including one less commonly discussed: hair loss. "
            + "Studies suggest that kratom can cause hair loss in some individuals naturally, primarily due to its interaction with the body’s opioid receptors and subsequent impact on hormones. "
            + "A review published in Pharmacognosy Research found that opiate-based compounds, like those found in kratom, can disrupt normal hair growth cycles by affecting androgen levels, leading to conditions such as alopecia areata.";

    private static final String SEED_000_LINE_19 = "The relationship between kratom consumption and hair loss is complex and not fully understood. "
            + "Some users report experiencing hair thinning or shedding within a few months of regular use, while others may not notice any changes for longer periods. "
            + "Research is limited, but available data indicates that the severity and duration of hair loss can vary greatly depending on factors like dosage, frequency of use, and individual susceptibility. "
            + "For instance, a study in Journal of Clinical Medicine documented cases of severe hair loss in kratom users, highlighting the need for further investigation into this side effect’s mechanism and prevalence.";

    private static final String SEED_001_LINE_9 = "Kratom, a natural herb derived from the plant Mitragyna speciosa, has gained attention for its potential therapeutic benefits, including muscle soreness relief. "
            + "Its active compounds, mitragynine and 7-hydroxymitragynine, interact with opioid receptors in the body, offering analgesic (pain-relieving) effects. "
            + "Several studies have explored kratom’s ability to alleviate muscle pain, particularly in conditions like fibromyalgia and chronic inflammatory diseases. "
            + "For instance, a study published in Pharmacognosy Research (2017) demonstrated that kratom extract significantly reduced mechanical allodynia in mice, indicating its potential for managing neuropathic pain and associated muscle soreness.";

    private static final String SEED_001_LINE_14 = "Research suggests that kratom’s mechanism of action offers a natural alternative for managing acute and chronic muscle pain. "
            + "For instance, a study published in Pharmacognosy Research (2017) demonstrated mitragynine’s ability to alleviate pain through multiple pathways, making it a promising candidate for non-opioid pain management. "
            + "Furthermore, kratom’s gentle sedative effects can aid in recovery by promoting relaxation and improving sleep quality, crucial factors in muscle repair.";

    private static final String SEED_001_LINE_19 = "Several factors could contribute to perceived hair loss associated with kratom use. "
            + "Firstly, dehydration can be a common side effect of kratom consumption due to its diuretic properties, which may lead to dry and brittle hair over time. "
            + "Secondly, some users report an increase in hair shedding during the initial stages of kratom use, potentially indicating an adjustment period for the body. "
            + "However, it’s important to note that these reports are not universally consistent; many users experience no significant changes in their hair. "
            + "A study published in the Journal of Ethnopharmacology (2017) found no evidence of kratom causing hair loss or other adverse effects on hair health when used as directed.";

    /** The article summary of seed 003. */
    private static final String SEED_003_LINE_1 = "Kratom, a natural supplement from Southeast Asia, has gained attention as a potential alternative for managing chronic pain, with its active compounds mitragynine and 7-hydroxymitragynine interacting with opioid receptors in the brain to provide relief without the high risks of synthetic opioids. "
            + "Users often report that certain kratom strains are more effective than conventional pharmaceuticals for pain relief, but it's important to approach its use with caution due to its complex alkaloid profile and associated side effects. "
            + "Ongoing research is examining kratom's long-term impacts and mechanisms within holistic pain management, highlighting its potential role as a non-pharmaceutical option for individuals dealing with persistent discomfort. "
            + "However, the scientific community remains divided on its efficacy and safety, and the FDA has issued warnings about the substance's potential for abuse and adverse health effects. "
            + "The variability in individual responses, along with product inconsistencies and purity concerns, necessitates careful consideration and professional guidance before integrating kratom into chronic pain management strategies. "
            + "Users are advised to consult healthcare professionals to weigh the benefits against the known risks and stay informed on the evolving scientific research surrounding kratom's impact in this area.";

    private static final String SEED_003_LINE_13 = "Yet, it is crucial to weigh the potential benefits against the known risks associated with kratom use. "
            + "The FDA has issued warnings about the dangers of kratom, including the potential for abuse, addiction, and negative health effects. "
            + "Additionally, the unstandardized nature of kratom products available in the market raises concerns about dosage consistency and purity. "
            + "As such, individuals considering kratom as part of their pain management strategy should approach it with caution and seek guidance from healthcare professionals to navigate the complexities of its use. "
            + "Balancing the benefits and risks requires careful consideration and a thorough understanding of both the scientific evidence and personal health circumstances.";

    /** Seed 004: only vague attribution ("Studies suggest"). */
    private static final String SEED_004_LINE_10 = "Kratom supplements have gained popularity as an alternative natural pain management option, offering a range of potential benefits for users looking to reduce discomfort without relying heavily on pharmaceuticals. "
            + "Derived from the leaves of the kratom tree (Mitragyna speciosa), these supplements interact with opioid receptors in the body, providing analgesic and relaxing effects. "
            + "Studies suggest that kratom may help alleviate chronic pain, reduce anxiety, and improve sleep quality, making it a promising option for those seeking relief from various ailments.";

    /** Seed 003: mentions regulation and the scientific community, but cites no one. */
    private static final String SEED_003_LINE_10 = "Furthermore, the therapeutic use of kratom for analgesia is supported by anecdotal evidence and user reports, which collectively highlight its role in pain management strategies. "
            + "Users often cite its ability to alleviate both acute and chronic pain conditions, such as fibromyalgia and neuropathy. "
            + "However, it is imperative to approach the use of kratom with caution, as individual responses can vary greatly. "
            + "The regulatory status of kratom differs across countries and regions, with some classifying it as a controlled substance due to its opioid-like effects. "
            + "As research continues to evolve, the scientific community remains divided on the efficacy and safety of kratom for pain management. "
            + "It is crucial for potential users to consult healthcare professionals before incorporating kratom into their chronic pain management regimen.";

    /** A "Related Resources" entry of seed 001: names the NIH, but as a resource, not as a cited speaker. */
    private static final String SEED_001_RESOURCE_NIH = "- National Institutes of Health (NIH) (Government Portal): [Offers comprehensive information on health and medical research, including insights into herbal supplements like kratom.] – https://www.nih.gov";

    private final ClaimExtractor extractor = new ClaimExtractor(Vocabulary.load());

    @Test
    void citedJournalWithYearInAHedgedConclusion() {
        ExtractedClaim claim = onlyClaim(SEED_000_LINE_9);

        assertClaimText(SEED_000_LINE_9, claim,
                "A comprehensive study published in Pharmacognosy Research (2019) highlighted that while kratom extracts have shown potential in treating various ailments, further research is needed to establish safe and effective dosages, especially for long-term use.");
        assertCitation(SEED_000_LINE_9, onlyCitation(claim),
                SourceKind.JOURNAL, "Pharmacognosy Research", 2019, "Pharmacognosy Research (2019)");
        // It reports a finding ("have shown potential") with a caveat, so it asserts, hedged.
        assertEquals(Stance.ASSERTS, claim.stance());
        assertTrue(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertNull(claim.outcome());
    }

    @Test
    void reviewWithoutYearIsCitedButVagueStudiesSuggestIsNot() {
        ExtractedClaim claim = onlyClaim(SEED_000_LINE_18);

        assertClaimText(SEED_000_LINE_18, claim,
                "A review published in Pharmacognosy Research found that opiate-based compounds, like those found in kratom, can disrupt normal hair growth cycles by affecting androgen levels, leading to conditions such as alopecia areata.");
        assertCitation(SEED_000_LINE_18, onlyCitation(claim),
                SourceKind.JOURNAL, "Pharmacognosy Research", null, "Pharmacognosy Research");
        assertEquals(Stance.ASSERTS, claim.stance());
        assertFalse(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertEquals("hair-loss", claim.outcome());
    }

    @Test
    void studyInJournalWithoutPublishedOrYear() {
        ExtractedClaim claim = onlyClaim(SEED_000_LINE_19);

        assertClaimText(SEED_000_LINE_19, claim,
                "For instance, a study in Journal of Clinical Medicine documented cases of severe hair loss in kratom users, highlighting the need for further investigation into this side effect’s mechanism and prevalence.");
        assertCitation(SEED_000_LINE_19, onlyCitation(claim),
                SourceKind.JOURNAL, "Journal of Clinical Medicine", null, "Journal of Clinical Medicine");
        assertEquals(Stance.ASSERTS, claim.stance());
        assertFalse(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertEquals("hair-loss", claim.outcome());
    }

    @Test
    void studyPublishedInJournalWithYearDemonstrating() {
        ExtractedClaim claim = onlyClaim(SEED_001_LINE_9);

        assertClaimText(SEED_001_LINE_9, claim,
                "For instance, a study published in Pharmacognosy Research (2017) demonstrated that kratom extract significantly reduced mechanical allodynia in mice, indicating its potential for managing neuropathic pain and associated muscle soreness.");
        assertCitation(SEED_001_LINE_9, onlyCitation(claim),
                SourceKind.JOURNAL, "Pharmacognosy Research", 2017, "Pharmacognosy Research (2017)");
        assertEquals(Stance.ASSERTS, claim.stance());
        assertEquals("kratom", claim.supplement());
        assertEquals("pain-relief", claim.outcome());
    }

    @Test
    void citedSentenceFollowingAVagueOneIsTheOnlyClaim() {
        ExtractedClaim claim = onlyClaim(SEED_001_LINE_14);

        assertClaimText(SEED_001_LINE_14, claim,
                "For instance, a study published in Pharmacognosy Research (2017) demonstrated mitragynine’s ability to alleviate pain through multiple pathways, making it a promising candidate for non-opioid pain management.");
        assertCitation(SEED_001_LINE_14, onlyCitation(claim),
                SourceKind.JOURNAL, "Pharmacognosy Research", 2017, "Pharmacognosy Research (2017)");
        assertEquals(Stance.ASSERTS, claim.stance());
        assertFalse(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertEquals("pain-relief", claim.outcome());
    }

    @Test
    void studyFindingNoEvidenceDenies() {
        ExtractedClaim claim = onlyClaim(SEED_001_LINE_19);

        assertClaimText(SEED_001_LINE_19, claim,
                "A study published in the Journal of Ethnopharmacology (2017) found no evidence of kratom causing hair loss or other adverse effects on hair health when used as directed.");
        assertCitation(SEED_001_LINE_19, onlyCitation(claim),
                SourceKind.JOURNAL, "Journal of Ethnopharmacology", 2017, "Journal of Ethnopharmacology (2017)");
        assertEquals(Stance.DENIES, claim.stance());
        assertFalse(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertEquals("hair-loss", claim.outcome());
    }

    @Test
    void fdaWarningInTheSummaryTakesTheSupplementFromEarlierSentences() {
        ExtractedClaim claim = onlyClaim(SEED_003_LINE_1);

        assertClaimText(SEED_003_LINE_1, claim,
                "However, the scientific community remains divided on its efficacy and safety, and the FDA has issued warnings about the substance's potential for abuse and adverse health effects.");
        assertCitation(SEED_003_LINE_1, onlyCitation(claim), SourceKind.ORGANIZATION, "FDA", null, "FDA");
        assertEquals(Stance.ASSERTS, claim.stance());
        assertEquals("kratom", claim.supplement());
        assertEquals("abuse", claim.outcome());
    }

    @Test
    void fdaAsSubjectOfIssuedWarnings() {
        ExtractedClaim claim = onlyClaim(SEED_003_LINE_13);

        assertClaimText(SEED_003_LINE_13, claim,
                "The FDA has issued warnings about the dangers of kratom, including the potential for abuse, addiction, and negative health effects.");
        assertCitation(SEED_003_LINE_13, onlyCitation(claim), SourceKind.ORGANIZATION, "FDA", null, "FDA");
        assertEquals(Stance.ASSERTS, claim.stance());
        assertEquals("kratom", claim.supplement());
        assertEquals("abuse", claim.outcome());
    }

    @Test
    void paragraphsWithoutInlineCitationsHaveNoClaims() {
        assertEquals(List.of(), extractor.extract(SEED_004_LINE_10));
        assertEquals(List.of(), extractor.extract(SEED_003_LINE_10));
        assertEquals(List.of(), extractor.extract(SEED_001_RESOURCE_NIH));
    }

    @Test
    void vagueAttributionIsNotACitation() {
        assertEquals(List.of(), extractor.extract(
                "Research suggests that kratom may ease chronic pain. Studies suggest it helps sleep. Some users report less anxiety."));
    }

    @Test
    void organisationAcronymMustBeAWholeWord() {
        assertEquals(List.of(), extractor.extract("FDAX approved the new kratom blend."));
        assertEquals(List.of(), extractor.extract("USFDA approved the new kratom blend."));
        assertEquals(List.of(), extractor.extract("The FDA-approved label lists no kratom."));
        assertEquals(List.of(), extractor.extract("Kratom is not regulated by the FDA."));
    }

    @Test
    void organisationNamedInFullAfterAccordingTo() {
        String paragraph = "According to the World Health Organization (WHO), kratom is not under international control.";

        ExtractedClaim claim = onlyClaim(paragraph);

        assertCitation(paragraph, onlyCitation(claim),
                SourceKind.ORGANIZATION, "WHO", null, "World Health Organization (WHO)");
    }

    @Test
    void yearBeforeStudyDatesTheCitationAndJournalNameIsNotReadAsOutcome() {
        String paragraph = "Kratom is popular. A 2019 study in Addiction did not find a link between kratom and liver damage.";

        ExtractedClaim claim = onlyClaim(paragraph);

        assertClaimText(paragraph, claim,
                "A 2019 study in Addiction did not find a link between kratom and liver damage.");
        assertCitation(paragraph, onlyCitation(claim),
                SourceKind.JOURNAL, "Addiction", 2019, "2019 study in Addiction");
        assertEquals(Stance.DENIES, claim.stance());
        assertEquals("liver-damage", claim.outcome());
    }

    @Test
    void placesAfterStudyInAreNotJournals() {
        assertEquals(List.of(), extractor.extract(
                "A study in Thailand found kratom users slept better. Research in Southeast Asia shows similar results."));
    }

    @Test
    void sentenceOnlyAboutUnknownsIsUncertain() {
        String paragraph = "A study published in the Journal of Pain (2020) noted that the long-term effects of kratom remain unclear.";

        ExtractedClaim claim = onlyClaim(paragraph);

        assertEquals(Stance.UNCERTAIN, claim.stance());
        assertCitation(paragraph, onlyCitation(claim), SourceKind.JOURNAL, "Journal of Pain", 2020, "Journal of Pain (2020)");
    }

    @Test
    void everyCitingSentenceOfAParagraphIsAClaimInOrder() {
        String paragraph = "The FDA warns against kratom. Kratom is sold online. "
                + "A trial in the New England Journal of Medicine (2021) showed that melatonin may improve sleep quality.";

        List<ExtractedClaim> claims = extractor.extract(paragraph);

        assertEquals(2, claims.size());
        assertClaimText(paragraph, claims.get(0), "The FDA warns against kratom.");
        assertCitation(paragraph, onlyCitation(claims.get(0)), SourceKind.ORGANIZATION, "FDA", null, "FDA");
        assertClaimText(paragraph, claims.get(1),
                "A trial in the New England Journal of Medicine (2021) showed that melatonin may improve sleep quality.");
        assertCitation(paragraph, onlyCitation(claims.get(1)),
                SourceKind.JOURNAL, "New England Journal of Medicine", 2021, "New England Journal of Medicine (2021)");
        assertEquals("melatonin", claims.get(1).supplement());
        assertEquals("sleep", claims.get(1).outcome());
        assertTrue(claims.get(1).hedged());
    }

    private ExtractedClaim onlyClaim(String paragraph) {
        List<ExtractedClaim> claims = extractor.extract(paragraph);
        assertEquals(1, claims.size(), () -> "claims: " + claims);
        return claims.get(0);
    }

    private static CitedSource onlyCitation(ExtractedClaim claim) {
        assertEquals(1, claim.citations().size(), () -> "citations: " + claim.citations());
        return claim.citations().get(0);
    }

    private static void assertClaimText(String paragraph, ExtractedClaim claim, String expected) {
        assertEquals(expected, claim.text());
        assertEquals(expected, paragraph.substring(claim.start(), claim.end()));
    }

    private static void assertCitation(String paragraph, CitedSource citation,
            SourceKind kind, String name, Integer year, String citedText) {
        assertEquals(kind, citation.kind());
        assertEquals(name, citation.name());
        assertEquals(year, citation.year());
        assertEquals(citedText, citation.citedText());
        assertEquals(citedText, paragraph.substring(citation.start(), citation.end()));
    }
}
