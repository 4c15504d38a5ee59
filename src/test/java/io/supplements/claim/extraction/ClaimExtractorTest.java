package io.supplements.claim.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seed paragraphs below are copied verbatim from the seeds (src/main/resources/sample-content);
 * across all five seeds the eight sentences tested with {@link #citedClaim} are the only ones that
 * cite a source inline. Uncited claims ("Studies suggest ...", "Its active compounds interact with
 * opioid receptors") are claims too, with attribution vague or none.
 */
class ClaimExtractorTest {

    private static final String SEED_000_LINE_9 =
            "While kratom has shown promise in managing chronic pain, anxiety, and sleep disorders, it’s crucial to understand its safety profile. "
                    + "Unlike some synthetic alternatives, kratom is generally considered non-addictive at recommended dosages due to its unique mechanism of action. "
                    + "However, long-term use or high doses may lead to side effects such as nausea, sweating, and in rare cases, severe allergic reactions. "
                    + "Furthermore, kratom cause hair loss naturally has been reported by some individuals, though the mechanism behind this is not fully understood. "
                    + "A comprehensive study published in Pharmacognosy Research (2019) highlighted that while kratom extracts have shown potential in treating various ailments, further research is needed to establish safe and effective dosages, especially for long-term use.";

    private static final String SEED_000_LINE_18 =
            "While kratom supplements have gained popularity for their potential natural pain management benefits, it’s crucial to approach them with a thorough understanding of possible side effects, including one less commonly discussed: hair loss. "
                    + "Studies suggest that kratom can cause hair loss in some individuals naturally, primarily due to its interaction with the body’s opioid receptors and subsequent impact on hormones. "
                    + "A review published in Pharmacognosy Research found that opiate-based compounds, like those found in kratom, can disrupt normal hair growth cycles by affecting androgen levels, leading to conditions such as alopecia areata.";

    private static final String SEED_000_LINE_19 =
            "The relationship between kratom consumption and hair loss is complex and not fully understood. "
                    + "Some users report experiencing hair thinning or shedding within a few months of regular use, while others may not notice any changes for longer periods. "
                    + "Research is limited, but available data indicates that the severity and duration of hair loss can vary greatly depending on factors like dosage, frequency of use, and individual susceptibility. "
                    + "For instance, a study in Journal of Clinical Medicine documented cases of severe hair loss in kratom users, highlighting the need for further investigation into this side effect’s mechanism and prevalence.";

    private static final String SEED_001_LINE_9 =
            "Kratom, a natural herb derived from the plant Mitragyna speciosa, has gained attention for its potential therapeutic benefits, including muscle soreness relief. "
                    + "Its active compounds, mitragynine and 7-hydroxymitragynine, interact with opioid receptors in the body, offering analgesic (pain-relieving) effects. "
                    + "Several studies have explored kratom’s ability to alleviate muscle pain, particularly in conditions like fibromyalgia and chronic inflammatory diseases. "
                    + "For instance, a study published in Pharmacognosy Research (2017) demonstrated that kratom extract significantly reduced mechanical allodynia in mice, indicating its potential for managing neuropathic pain and associated muscle soreness.";

    private static final String SEED_001_LINE_14 =
            "Research suggests that kratom’s mechanism of action offers a natural alternative for managing acute and chronic muscle pain. "
                    + "For instance, a study published in Pharmacognosy Research (2017) demonstrated mitragynine’s ability to alleviate pain through multiple pathways, making it a promising candidate for non-opioid pain management. "
                    + "Furthermore, kratom’s gentle sedative effects can aid in recovery by promoting relaxation and improving sleep quality, crucial factors in muscle repair.";

    private static final String SEED_001_LINE_19 =
            "Several factors could contribute to perceived hair loss associated with kratom use. "
                    + "Firstly, dehydration can be a common side effect of kratom consumption due to its diuretic properties, which may lead to dry and brittle hair over time. "
                    + "Secondly, some users report an increase in hair shedding during the initial stages of kratom use, potentially indicating an adjustment period for the body. "
                    + "However, it’s important to note that these reports are not universally consistent; many users experience no significant changes in their hair. "
                    + "A study published in the Journal of Ethnopharmacology (2017) found no evidence of kratom causing hair loss or other adverse effects on hair health when used as directed.";

    /** The article summary of seed 003. */
    private static final String SEED_003_LINE_1 =
            "Kratom, a natural supplement from Southeast Asia, has gained attention as a potential alternative for managing chronic pain, with its active compounds mitragynine and 7-hydroxymitragynine interacting with opioid receptors in the brain to provide relief without the high risks of synthetic opioids. "
                    + "Users often report that certain kratom strains are more effective than conventional pharmaceuticals for pain relief, but it's important to approach its use with caution due to its complex alkaloid profile and associated side effects. "
                    + "Ongoing research is examining kratom's long-term impacts and mechanisms within holistic pain management, highlighting its potential role as a non-pharmaceutical option for individuals dealing with persistent discomfort. "
                    + "However, the scientific community remains divided on its efficacy and safety, and the FDA has issued warnings about the substance's potential for abuse and adverse health effects. "
                    + "The variability in individual responses, along with product inconsistencies and purity concerns, necessitates careful consideration and professional guidance before integrating kratom into chronic pain management strategies. "
                    + "Users are advised to consult healthcare professionals to weigh the benefits against the known risks and stay informed on the evolving scientific research surrounding kratom's impact in this area.";

    private static final String SEED_003_LINE_13 =
            "Yet, it is crucial to weigh the potential benefits against the known risks associated with kratom use. "
                    + "The FDA has issued warnings about the dangers of kratom, including the potential for abuse, addiction, and negative health effects. "
                    + "Additionally, the unstandardized nature of kratom products available in the market raises concerns about dosage consistency and purity. "
                    + "As such, individuals considering kratom as part of their pain management strategy should approach it with caution and seek guidance from healthcare professionals to navigate the complexities of its use. "
                    + "Balancing the benefits and risks requires careful consideration and a thorough understanding of both the scientific evidence and personal health circumstances.";

    /** Seed 004: only vague attribution ("Studies suggest"). */
    private static final String SEED_004_LINE_10 =
            "Kratom supplements have gained popularity as an alternative natural pain management option, offering a range of potential benefits for users looking to reduce discomfort without relying heavily on pharmaceuticals. "
                    + "Derived from the leaves of the kratom tree (Mitragyna speciosa), these supplements interact with opioid receptors in the body, providing analgesic and relaxing effects. "
                    + "Studies suggest that kratom may help alleviate chronic pain, reduce anxiety, and improve sleep quality, making it a promising option for those seeking relief from various ailments.";

    /** Seed 003: mentions regulation and the scientific community, but cites no one. */
    private static final String SEED_003_LINE_10 =
            "Furthermore, the therapeutic use of kratom for analgesia is supported by anecdotal evidence and user reports, which collectively highlight its role in pain management strategies. "
                    + "Users often cite its ability to alleviate both acute and chronic pain conditions, such as fibromyalgia and neuropathy. "
                    + "However, it is imperative to approach the use of kratom with caution, as individual responses can vary greatly. "
                    + "The regulatory status of kratom differs across countries and regions, with some classifying it as a controlled substance due to its opioid-like effects. "
                    + "As research continues to evolve, the scientific community remains divided on the efficacy and safety of kratom for pain management. "
                    + "It is crucial for potential users to consult healthcare professionals before incorporating kratom into their chronic pain management regimen.";

    /** A "Related Resources" entry of seed 001: names the NIH, but as a resource, not as a cited speaker. */
    private static final String SEED_001_RESOURCE_NIH =
            "- National Institutes of Health (NIH) (Government Portal): [Offers comprehensive information on health and medical research, including insights into herbal supplements like kratom.] – https://www.nih.gov";

    private final ClaimExtractor extractor = new ClaimExtractor(Vocabulary.load());

    // ---- Cited claims in the seeds ------------------------------------------------------------

    @Test
    void citedJournalWithYearInAHedgedConclusion() {
        ExtractedClaim claim = citedClaim(SEED_000_LINE_9, "kratom");

        assertClaimText(
                SEED_000_LINE_9,
                claim,
                "A comprehensive study published in Pharmacognosy Research (2019) highlighted that while kratom extracts have shown potential in treating various ailments, further research is needed to establish safe and effective dosages, especially for long-term use.");
        assertCitation(
                SEED_000_LINE_9,
                onlyCitation(claim),
                SourceKind.journal,
                "Pharmacognosy Research",
                2019,
                "Pharmacognosy Research (2019)");
        // It reports a finding ("have shown potential") with a caveat, so it asserts, hedged; "treating
        // various ailments" names no outcome of the vocabulary.
        assertEquals(Stance.asserts, claim.stance());
        assertTrue(claim.hedged());
        assertEquals(Attribution.cited, claim.attribution());
        assertEquals("kratom", claim.supplement());
        assertNull(claim.outcome());
    }

    @Test
    void reviewWithoutYearIsCitedAndStudiesSuggestIsVague() {
        List<ExtractedClaim> claims = extractor.extract(SEED_000_LINE_18, "kratom");

        assertEquals(2, claims.size(), () -> "claims: " + claims);
        ExtractedClaim vague = claims.get(0);
        assertTrue(vague.text().startsWith("Studies suggest that kratom can cause hair loss"));
        assertEquals(Attribution.vague, vague.attribution());
        assertEquals(List.of(), vague.citations());
        assertEquals("hair-loss", vague.outcome());

        ExtractedClaim claim = claims.get(1);
        assertClaimText(
                SEED_000_LINE_18,
                claim,
                "A review published in Pharmacognosy Research found that opiate-based compounds, like those found in kratom, can disrupt normal hair growth cycles by affecting androgen levels, leading to conditions such as alopecia areata.");
        assertCitation(
                SEED_000_LINE_18,
                onlyCitation(claim),
                SourceKind.journal,
                "Pharmacognosy Research",
                null,
                "Pharmacognosy Research");
        assertEquals(Stance.asserts, claim.stance());
        assertFalse(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertEquals("hair-loss", claim.outcome());
    }

    @Test
    void studyInJournalWithoutPublishedOrYear() {
        ExtractedClaim claim = citedClaim(SEED_000_LINE_19, "kratom");

        assertClaimText(
                SEED_000_LINE_19,
                claim,
                "For instance, a study in Journal of Clinical Medicine documented cases of severe hair loss in kratom users, highlighting the need for further investigation into this side effect’s mechanism and prevalence.");
        assertCitation(
                SEED_000_LINE_19,
                onlyCitation(claim),
                SourceKind.journal,
                "Journal of Clinical Medicine",
                null,
                "Journal of Clinical Medicine");
        assertEquals(Stance.asserts, claim.stance());
        assertFalse(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertEquals("hair-loss", claim.outcome());
    }

    @Test
    void studyPublishedInJournalWithYearDemonstrating() {
        ExtractedClaim claim = citedClaim(SEED_001_LINE_9, "kratom");

        assertClaimText(
                SEED_001_LINE_9,
                claim,
                "For instance, a study published in Pharmacognosy Research (2017) demonstrated that kratom extract significantly reduced mechanical allodynia in mice, indicating its potential for managing neuropathic pain and associated muscle soreness.");
        assertCitation(
                SEED_001_LINE_9,
                onlyCitation(claim),
                SourceKind.journal,
                "Pharmacognosy Research",
                2017,
                "Pharmacognosy Research (2017)");
        assertEquals(Stance.asserts, claim.stance());
        assertEquals("kratom", claim.supplement());
        assertEquals("pain-relief", claim.outcome());
    }

    @Test
    void citedSentenceFollowingAVagueOne() {
        ExtractedClaim claim = citedClaim(SEED_001_LINE_14, "kratom");

        assertClaimText(
                SEED_001_LINE_14,
                claim,
                "For instance, a study published in Pharmacognosy Research (2017) demonstrated mitragynine’s ability to alleviate pain through multiple pathways, making it a promising candidate for non-opioid pain management.");
        assertCitation(
                SEED_001_LINE_14,
                onlyCitation(claim),
                SourceKind.journal,
                "Pharmacognosy Research",
                2017,
                "Pharmacognosy Research (2017)");
        // "non-opioid" negates "opioid", not the pain management that follows it.
        assertEquals(Stance.asserts, claim.stance());
        assertFalse(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertEquals("pain-relief", claim.outcome());
    }

    @Test
    void studyFindingNoEvidenceDenies() {
        ExtractedClaim claim = citedClaim(SEED_001_LINE_19, "kratom");

        assertClaimText(
                SEED_001_LINE_19,
                claim,
                "A study published in the Journal of Ethnopharmacology (2017) found no evidence of kratom causing hair loss or other adverse effects on hair health when used as directed.");
        assertCitation(
                SEED_001_LINE_19,
                onlyCitation(claim),
                SourceKind.journal,
                "Journal of Ethnopharmacology",
                2017,
                "Journal of Ethnopharmacology (2017)");
        assertEquals(Stance.denies, claim.stance());
        assertFalse(claim.hedged());
        assertEquals("kratom", claim.supplement());
        assertEquals("hair-loss", claim.outcome());
    }

    /** Abuse and addiction are one outcome, dependence: the FDA warnings stand against "non-addictive". */
    @Test
    void fdaWarningInTheSummaryTakesTheSupplementFromEarlierSentences() {
        ExtractedClaim claim = citedClaim(SEED_003_LINE_1, null);

        assertClaimText(
                SEED_003_LINE_1,
                claim,
                "However, the scientific community remains divided on its efficacy and safety, and the FDA has issued warnings about the substance's potential for abuse and adverse health effects.");
        assertCitation(SEED_003_LINE_1, onlyCitation(claim), SourceKind.organization, "FDA", null, "FDA");
        assertEquals(Stance.asserts, claim.stance());
        assertEquals("kratom", claim.supplement());
        assertEquals("dependence", claim.outcome());
    }

    @Test
    void fdaAsSubjectOfIssuedWarnings() {
        ExtractedClaim claim = citedClaim(SEED_003_LINE_13, "kratom");

        assertClaimText(
                SEED_003_LINE_13,
                claim,
                "The FDA has issued warnings about the dangers of kratom, including the potential for abuse, addiction, and negative health effects.");
        assertCitation(SEED_003_LINE_13, onlyCitation(claim), SourceKind.organization, "FDA", null, "FDA");
        assertEquals(Stance.asserts, claim.stance());
        assertEquals("kratom", claim.supplement());
        assertEquals("dependence", claim.outcome());
    }

    @Test
    void extractWithoutArticleSupplementIsExtractWithNull() {
        assertEquals(extractor.extract(SEED_003_LINE_13, null), extractor.extract(SEED_003_LINE_13));
    }

    // ---- What is and is not a claim ----------------------------------------------------------

    @Test
    void paragraphWithOnlyVagueAttributionHasUncitedClaims() {
        List<ExtractedClaim> claims = extractor.extract(SEED_004_LINE_10, "kratom");

        assertEquals(
                List.of(
                        "Derived from the leaves of the kratom tree (Mitragyna speciosa), these supplements interact with opioid receptors in the body, providing analgesic and relaxing effects.",
                        "Studies suggest that kratom may help alleviate chronic pain, reduce anxiety, and improve sleep quality, making it a promising option for those seeking relief from various ailments."),
                claims.stream().map(ExtractedClaim::text).toList());
        assertEquals(
                List.of(Attribution.none, Attribution.vague),
                claims.stream().map(ExtractedClaim::attribution).toList());
        assertEquals(
                List.of("opioid-receptor-activity", "pain-relief"),
                claims.stream().map(ExtractedClaim::outcome).toList());
        assertTrue(claims.stream().allMatch(c -> c.citations().isEmpty()));
    }

    @Test
    void adviceRegulationAndDebateWithoutAnEffectAreNotClaims() {
        List<ExtractedClaim> claims = extractor.extract(SEED_003_LINE_10, "kratom");

        // Kept: what users report, and that the community is divided on efficacy (an open question).
        assertEquals(
                List.of(
                        "Furthermore, the therapeutic use of kratom for analgesia is supported by anecdotal evidence and user reports, which collectively highlight its role in pain management strategies.",
                        "Users often cite its ability to alleviate both acute and chronic pain conditions, such as fibromyalgia and neuropathy.",
                        "As research continues to evolve, the scientific community remains divided on the efficacy and safety of kratom for pain management."),
                claims.stream().map(ExtractedClaim::text).toList());
        assertEquals(Stance.uncertain, claims.get(2).stance());
        assertTrue(claims.stream().allMatch(c -> c.attribution() == Attribution.vague));
    }

    @Test
    void aWarningOrAReportedFindingIsAClaimEvenWithoutAVocabularyOutcome() {
        ExtractedClaim warning = onlyClaim("In short, the FDA has issued warnings about kratom.", null);
        assertNull(warning.outcome());
        assertEquals("FDA", onlyCitation(warning).name());

        ExtractedClaim finding = onlyClaim(
                "A study published in the Journal of Zebra Studies (2011) found that kratom calmed zebras.", null);
        assertNull(finding.outcome());
        assertEquals(Stance.asserts, finding.stance());
        assertEquals(Attribution.cited, finding.attribution());

        // "Readers ask:" is a lead-in, not talk about the article.
        ExtractedClaim question = onlyClaim(
                "Readers ask: a study published in Journal of Clinical Medicine (2020) found that "
                        + "kratom eased pain.",
                null);
        assertEquals("pain-relief", question.outcome());
    }

    @Test
    void adviceIsNotAClaim() {
        assertEquals(
                List.of(),
                extractor.extract(
                        "Start with low doses and increase gradually. It is crucial for potential users to consult a healthcare "
                                + "professional before incorporating kratom into their pain management regimen. Always purchase kratom "
                                + "from reputable sources.",
                        "kratom"));
    }

    @Test
    void adviceWithAnAssertedReasonIsAClaim() {
        ExtractedClaim claim = onlyClaim(
                "Melatonin can interact with blood thinners such as warfarin, so anyone taking "
                        + "prescription drugs should ask a pharmacist first.",
                "melatonin");

        assertEquals("drug-interactions", claim.outcome());
    }

    @Test
    void metaTextAndAttentionAreNotClaims() {
        assertEquals(
                List.of(),
                extractor.extract(
                        "This article delves into the science behind kratom’s pain-relieving effects. "
                                + "Kratom has gained significant attention as a natural alternative for pain management. "
                                + "In this comprehensive guide, we explore how kratom works.",
                        "kratom"));
    }

    @Test
    void conditionDescriptionsAreNotClaimsEvenWithAPronoun() {
        assertEquals(
                List.of(),
                extractor.extract(
                        "Muscle soreness is a common physiological response to physical exertion or injury, characterized by "
                                + "discomfort, tenderness, and reduced mobility. It plays a vital role in muscle repair and growth, yet "
                                + "prolonged or intense soreness can significantly impact daily life.",
                        "kratom"));
    }

    @Test
    void aPresupposedEffectInAnAppositionIsNotAsserted() {
        ExtractedClaim claim = onlyClaim(
                "Kratom, a herb gaining popularity for its diverse medicinal properties, has shown "
                        + "promise in soothing muscle discomfort.",
                "kratom");

        assertEquals("muscle-soreness", claim.outcome());
        assertEquals(
                List.of(),
                extractor.extract(
                        "Kratom, a herb known for its pain-relieving and mood-enhancing properties, "
                                + "has gained significant attention as a natural alternative to pharmaceutical medications.",
                        "kratom"));
    }

    @Test
    void citedSentenceAboutSomethingElseIsNotAClaim() {
        assertEquals(
                List.of(),
                extractor.extract(
                        "According to the Centers for Disease Control and Prevention, about a third "
                                + "of U.S. adults regularly get less sleep than they need.",
                        "melatonin"));
        // Advice from a cited body is still advice.
        assertEquals(
                List.of(),
                extractor.extract(
                        "The NCCIH advises anyone who is considering ashwagandha to tell their "
                                + "health care providers about it.",
                        "ashwagandha"));
    }

    // ---- The article's supplement ------------------------------------------------------------

    @Test
    void aPronounRefersToTheArticleSupplementOnlyWhenItIsGiven() {
        String sentence =
                "It acts as an agonist at opioid receptors, binding to them and providing relief from withdrawal symptoms.";

        ExtractedClaim claim = onlyClaim(sentence, "kratom");

        assertEquals("kratom", claim.supplement());
        assertEquals("opioid-receptor-activity", claim.outcome());
        assertEquals(List.of(), extractor.extract(sentence, null));
    }

    @Test
    void aPronounRefersToTheSupplementNamedEarlierInTheParagraphFirst() {
        List<ExtractedClaim> claims = extractor.extract(
                "Valerian root is an old remedy for sleeplessness. It may cause headaches in some people.",
                "melatonin");

        assertEquals(
                List.of("valerian", "valerian"),
                claims.stream().map(ExtractedClaim::supplement).toList());
        assertEquals("headache", claims.get(1).outcome());
    }

    @Test
    void talkOfDosesAndUsersImpliesTheArticleSupplement() {
        ExtractedClaim claim =
                onlyClaim("Some users report vivid dreams or nightmares, especially at higher doses.", "melatonin");

        assertEquals("melatonin", claim.supplement());
        assertEquals("nightmares", claim.outcome());
        assertEquals(Attribution.vague, claim.attribution());
        // ... unless another substance is named.
        assertEquals(
                List.of(),
                extractor.extract(
                        "When someone stops using opioids after prolonged use, withdrawal symptoms follow.", "kratom"));
    }

    @Test
    void namedSupplementWinsOverTheArticleSupplement() {
        ExtractedClaim claim = onlyClaim(
                "Valerian root is often sold alongside melatonin, yet a 2020 systematic review in "
                        + "the journal Sleep Medicine found no significant improvement in sleep quality with valerian.",
                "melatonin");

        assertEquals("valerian", claim.supplement());
        assertEquals("sleep", claim.outcome());
        assertEquals(Stance.denies, claim.stance());
        assertCitation(
                claim.text(),
                onlyCitation(claim),
                SourceKind.journal,
                "Sleep Medicine",
                2020,
                "2020 systematic review in the journal Sleep Medicine");
    }

    @Test
    void mainSupplementIsTheMostMentioned() {
        assertEquals(
                Optional.of("melatonin"),
                extractor.mainSupplement(List.of(
                        "Valerian root and melatonin are both sold as sleep aids.",
                        "Melatonin is a hormone; melatonin supplements are synthetic copies of it.")));
        // Equal counts: the one named first.
        assertEquals(Optional.of("kava"), extractor.mainSupplement(List.of("Kava and kratom.", "Kratom and kava.")));
        assertEquals(Optional.empty(), extractor.mainSupplement(List.of("Sleep matters.", "")));
        assertEquals(Optional.empty(), extractor.mainSupplement(List.of()));
    }

    // ---- Negation -----------------------------------------------------------------------------

    @Test
    void nonAddictiveDeniesDependence() {
        ExtractedClaim claim = onlyClaim(
                "Unlike some synthetic alternatives, kratom is generally considered non-addictive at "
                        + "recommended dosages due to its unique mechanism of action.",
                null);

        assertEquals("dependence", claim.outcome());
        assertEquals(Stance.denies, claim.stance());
        assertTrue(claim.hedged());
        assertEquals(Attribution.none, claim.attribution());
    }

    @Test
    void withoutTheAddictivePropertiesDeniesDependence() {
        ExtractedClaim claim = onlyClaim(
                "These alkaloids can modulate pain signals, offering relief for those suffering from "
                        + "chronic pain without the addictive properties of traditional opioids.",
                "kratom");

        assertEquals("dependence", claim.outcome());
        assertEquals(Stance.denies, claim.stance());
    }

    @Test
    void negationsThatDenyTheOutcome() {
        Map<String, String> deniedOutcome = Map.of(
                "Melatonin does not appear to cause dependence, but it can cause headaches.", "dependence",
                "Melatonin is not habit-forming.", "dependence",
                "There is no evidence that ashwagandha is habit-forming.", "dependence",
                "The herb does not appear to cause morning grogginess.", "drowsiness",
                "Melatonin did not fade with longer use, which suggests that tolerance is not a major concern.",
                        "tolerance",
                "A 2019 study in Addiction did not find a link between kratom and liver damage.", "liver-damage");
        deniedOutcome.forEach((sentence, outcome) -> {
            ExtractedClaim claim = onlyClaim(sentence, "ashwagandha");
            assertEquals(outcome, claim.outcome(), sentence);
            assertEquals(Stance.denies, claim.stance(), sentence);
        });
    }

    @Test
    void negationsThatDoNotDeny() {
        ExtractedClaim notWithout = onlyClaim(
                "However, it’s important to note that kratom itself is not without potential side effects.", null);
        assertEquals("side-effects", notWithout.outcome());
        assertEquals(Stance.asserts, notWithout.stance());

        ExtractedClaim sameLevel = onlyClaim(
                "The leaves of this plant contain alkaloids, including mitragynine, which interact "
                        + "with opioid receptors, offering analgesic effects without the same level of addiction potential.",
                null);
        assertEquals("opioid-receptor-activity", sameLevel.outcome());
        assertEquals(Stance.asserts, sameLevel.stance());
    }

    @Test
    void onlyOpenQuestionsIsUncertain() {
        ExtractedClaim claim = onlyClaim(
                "A study published in the Journal of Pain (2020) noted that the long-term effects of "
                        + "kratom remain unclear.",
                null);

        assertEquals(Stance.uncertain, claim.stance());
        assertNull(claim.outcome());
        assertCitation(
                claim.text(),
                onlyCitation(claim),
                SourceKind.journal,
                "Journal of Pain",
                2020,
                "Journal of Pain (2020)");

        assertEquals(
                Stance.uncertain,
                onlyClaim(
                                "The relationship between kratom consumption and hair loss is complex and not "
                                        + "fully understood.",
                                null)
                        .stance());
        // A finding with a caveat still asserts.
        assertEquals(
                Stance.asserts,
                onlyClaim(
                                "Furthermore, kratom cause hair loss naturally has been reported by some "
                                        + "individuals, though the mechanism behind this is not fully understood.",
                                null)
                        .stance());
    }

    // ---- Attribution --------------------------------------------------------------------------

    @Test
    void vagueAttributions() {
        List<String> vague = List.of(
                "Studies suggest that kratom may ease chronic pain.",
                "Research indicates that melatonin helps people fall asleep faster.",
                "Some users report hair thinning after kratom use.",
                "Users often report that kratom helps with chronic pain.",
                "There is anecdotal evidence that kratom causes hair loss.",
                "Experts recommend ashwagandha for ongoing sleep problems.",
                "Evidence suggests that the effect of ashwagandha on testosterone is modest.",
                "In animal experiments, ashwagandha extracts reduced anxiety.");
        for (String sentence : vague) {
            ExtractedClaim claim = onlyClaim(sentence, null);
            assertEquals(Attribution.vague, claim.attribution(), sentence);
            assertEquals(List.of(), claim.citations(), sentence);
        }
    }

    @Test
    void statementsOnTheArticlesOwnAuthorityHaveNoAttribution() {
        for (String sentence : List.of(
                "Kratom is generally considered safe for pain management.",
                "It has been shown to inhibit certain enzymes involved in inflammation.",
                "Kratom may cause hair loss in some individuals.")) {
            assertEquals(Attribution.none, onlyClaim(sentence, "kratom").attribution(), sentence);
        }
    }

    // ---- Citations ------------------------------------------------------------------------------

    @Test
    void organisationAcronymMustBeAWholeWord() {
        assertNoCitations("FDAX approved the new kratom blend for pain relief.");
        assertNoCitations("USFDA approved the new kratom blend for pain relief.");
        assertNoCitations("The FDA-approved label lists no kratom for pain relief.");
        assertNoCitations("Kratom for pain relief is not regulated by the FDA.");
    }

    @Test
    void aResourceLineNamesTheNihWithoutCitingIt() {
        assertNoCitations(SEED_001_RESOURCE_NIH);
    }

    @Test
    void organisationNamedInFullAfterAccordingTo() {
        String paragraph = "According to the World Health Organization (WHO), kratom can cause dependence.";

        ExtractedClaim claim = onlyClaim(paragraph, null);

        assertCitation(
                paragraph,
                onlyCitation(claim),
                SourceKind.organization,
                "WHO",
                null,
                "World Health Organization (WHO)");
    }

    @Test
    void yearBeforeStudyDatesTheCitationAndJournalNameIsNotReadAsOutcome() {
        String paragraph =
                "Kratom is popular. A 2019 study in Addiction did not find a link between kratom and liver damage.";

        ExtractedClaim claim = onlyClaim(paragraph, null);

        assertClaimText(
                paragraph, claim, "A 2019 study in Addiction did not find a link between kratom and liver damage.");
        assertCitation(
                paragraph, onlyCitation(claim), SourceKind.journal, "Addiction", 2019, "2019 study in Addiction");
        assertEquals(Stance.denies, claim.stance());
        assertEquals("liver-damage", claim.outcome());
    }

    @Test
    void citationStylesOfTheNewArticles() {
        assertJournal(
                "A 2013 meta-analysis published in PLoS ONE found that melatonin improved sleep quality.",
                "PLoS ONE",
                2013);
        assertJournal(
                "In a meta-analysis of 19 trials, published in PLoS ONE in 2013, melatonin reduced sleep onset latency.",
                "PLoS ONE",
                2013);
        assertJournal(
                "A 2021 meta-analysis of five randomized trials, published in PLoS One, found that ashwagandha improved sleep.",
                "PLoS One",
                2021);
        assertJournal(
                "Researchers at Banaras Hindu University reported in the journal Phytomedicine (2000) that ashwagandha "
                        + "had anxiety-reducing effects.",
                "Phytomedicine",
                2000);
        assertJournal(
                "A small trial published in 2018 in The Journal of Alternative and Complementary Medicine found that "
                        + "ashwagandha normalized thyroid values.",
                "Journal of Alternative and Complementary Medicine",
                2018);
        assertJournal(
                "A 2020 case series in Liver International described liver injury after taking ashwagandha.",
                "Liver International",
                2020);
        assertJournal(
                "A 2019 study by researchers in Australia, reported in the American Journal of Men's Health, found that "
                        + "ashwagandha raised testosterone.",
                "American Journal of Men's Health",
                2019);

        String cdc = "According to a 2022 report from the Centers for Disease Control and Prevention, "
                + "poison control calls about melatonin ingestions rose 530 percent.";
        assertCitation(
                cdc,
                onlyCitation(onlyClaim(cdc, null)),
                SourceKind.organization,
                "CDC",
                2022,
                "Centers for Disease Control and Prevention");

        ExtractedClaim owner =
                onlyClaim("The NIH's LiverTox database lists ashwagandha as a rare cause of liver injury.", null);
        assertEquals("NIH", onlyCitation(owner).name());

        ExtractedClaim body = onlyClaim(
                "The Danish Veterinary and Food Administration concluded that ashwagandha "
                        + "may affect thyroid hormones.",
                null);
        assertEquals(SourceKind.organization, onlyCitation(body).kind());
        assertEquals(
                "Danish Veterinary and Food Administration", onlyCitation(body).name());

        // A body that acts is not a source (issue 12): banning is what it did, not evidence it gave.
        ExtractedClaim ban = onlyClaim(
                "In 2023, the Danish Veterinary and Food Administration announced a ban on ashwagandha "
                        + "products after concerns about effects on thyroid hormones.",
                null);
        assertEquals(List.of(), ban.citations());
    }

    @Test
    void placesAfterStudyInAreNotJournals() {
        assertNoCitations(
                "A study in Thailand found kratom users slept better. Research in Southeast Asia shows similar sleep results.");
    }

    @Test
    void everyClaimSentenceOfAParagraphInOrder() {
        String paragraph = "The FDA warns that kratom can cause addiction. Kratom is sold online. "
                + "A trial in the New England Journal of Medicine (2021) showed that melatonin may improve sleep quality.";

        List<ExtractedClaim> claims = extractor.extract(paragraph, "kratom");

        assertEquals(2, claims.size());
        assertClaimText(paragraph, claims.get(0), "The FDA warns that kratom can cause addiction.");
        assertCitation(paragraph, onlyCitation(claims.get(0)), SourceKind.organization, "FDA", null, "FDA");
        assertEquals("dependence", claims.get(0).outcome());
        assertClaimText(
                paragraph,
                claims.get(1),
                "A trial in the New England Journal of Medicine (2021) showed that melatonin may improve sleep quality.");
        assertCitation(
                paragraph,
                onlyCitation(claims.get(1)),
                SourceKind.journal,
                "New England Journal of Medicine",
                2021,
                "New England Journal of Medicine (2021)");
        assertEquals("melatonin", claims.get(1).supplement());
        assertEquals("sleep", claims.get(1).outcome());
        assertTrue(claims.get(1).hedged());
    }

    /** A supplement named as what is measured ("copper levels") is not what the sentence is about. */
    @Test
    void aSubstanceMeasuredInTheBodyIsNotTheClaimsSupplement() {
        ExtractedClaim claim = extractor
                .extract("High doses taken for months can lower copper levels (Okafor et al., 2010).", "zinc")
                .get(0);
        assertEquals("zinc", claim.supplement());
        assertEquals(
                "copper",
                extractor
                        .extract("Copper supplements can cause nausea (Okafor et al., 2010).", "zinc")
                        .get(0)
                        .supplement());
    }

    // ---- Vocabulary at runtime -----------------------------------------------------------------

    @Test
    void termsAddedAtRuntimeAreRecognised() {
        String sentence = "Curcumin may raise the risk of kidney stones.";
        // Without the term it is a claim all the same (issue 12), its outcome null and its effect phrase kept.
        ExtractedClaim unnamed = extractor.extract(sentence, null).get(0);
        assertNull(unnamed.outcome());
        assertEquals("risk of kidney stones", unnamed.outcomeText());

        ClaimExtractor extended = new ClaimExtractor(Vocabulary.load()
                .withTerms(Map.of(), Map.of("kidney-stones", List.of("kidney stones", "nephrolithiasis"))));

        ExtractedClaim claim = extended.extract(sentence, null).get(0);
        assertEquals("turmeric", claim.supplement());
        assertEquals("kidney-stones", claim.outcome());
        assertEquals("kidney stones", claim.outcomeText());
        assertNotEquals(extractor.fingerprint(), extended.fingerprint(), "articles are re-extracted after a new term");
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private void assertJournal(String sentence, String name, Integer year) {
        CitedSource citation = onlyCitation(onlyClaim(sentence, null));
        assertEquals(SourceKind.journal, citation.kind(), sentence);
        assertEquals(name, citation.name(), sentence);
        assertEquals(year, citation.year(), sentence);
    }

    private void assertNoCitations(String paragraph) {
        List<ExtractedClaim> claims = extractor.extract(paragraph, "kratom");
        assertTrue(
                claims.stream().allMatch(c -> c.citations().isEmpty() && c.attribution() != Attribution.cited),
                () -> "claims: " + claims);
    }

    /** The one claim of {@code paragraph} that cites a source. */
    private ExtractedClaim citedClaim(String paragraph, String articleSupplement) {
        List<ExtractedClaim> cited = extractor.extract(paragraph, articleSupplement).stream()
                .filter(c -> !c.citations().isEmpty())
                .toList();
        assertEquals(1, cited.size(), () -> "cited claims: " + cited);
        assertEquals(Attribution.cited, cited.get(0).attribution());
        return cited.get(0);
    }

    private ExtractedClaim onlyClaim(String paragraph, String articleSupplement) {
        List<ExtractedClaim> claims = extractor.extract(paragraph, articleSupplement);
        assertEquals(1, claims.size(), () -> paragraph + "\nclaims: " + claims);
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

    private static void assertCitation(
            String paragraph, CitedSource citation, SourceKind kind, String name, Integer year, String citedText) {
        assertEquals(kind, citation.kind());
        assertEquals(name, citation.name());
        assertEquals(year, citation.year());
        assertEquals(citedText, citation.citedText());
        assertEquals(citedText, paragraph.substring(citation.start(), citation.end()));
    }
}
