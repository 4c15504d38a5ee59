package io.supplements.claim.extraction;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a citation's study design and population from its citing sentence. The first design whose
 * words the sentence holds wins, in the order below: a meta-analysis of trials is a meta-analysis, a
 * randomized trial in rats an animal study. A body's statement with no study words is a regulator
 * statement; anything else is unspecified.
 */
final class Designs {

    private Designs() {}

    private static final List<Map.Entry<StudyDesign, Pattern>> DESIGNS = List.of(
            Map.entry(
                    StudyDesign.IN_VITRO,
                    Pattern.compile(
                            "(?i)\\b(?:cultured|in\\s+vitro|test\\s+tubes?|cell\\s+cultures?|(?:in|on)\\s+(?:\\p{L}+\\s+){0,2}cells"
                                    + "|laboratory\\s+(?:experiments|dishes))\\b")),
            Map.entry(
                    StudyDesign.ANIMAL,
                    Pattern.compile(
                            "(?i)\\b(?:rats?|mice|mouse|rodents?|animals?|dogs|rabbits|pigs|zebrafish|monkeys|primates|hamsters)\\b")),
            Map.entry(
                    StudyDesign.META_ANALYSIS, Pattern.compile("(?i)\\b(?:meta-analys[ie]s|pooled\\s+analys[ie]s)\\b")),
            Map.entry(
                    StudyDesign.SYSTEMATIC_REVIEW,
                    Pattern.compile("(?i)\\b(?:systematic\\s+reviews?|Cochrane\\s+reviews?)\\b")),
            Map.entry(StudyDesign.CASE_REPORT, Pattern.compile("(?i)\\bcase\\s+(?:reports?|series)\\b")),
            Map.entry(
                    StudyDesign.RANDOMIZED_CONTROLLED_TRIAL,
                    Pattern.compile(
                            "(?i)\\b(?:randomi[sz]ed|placebo-controlled|double-blind|controlled\\s+trials?|crossover\\s+trials?)\\b")),
            Map.entry(
                    StudyDesign.COHORT_OR_OBSERVATIONAL,
                    Pattern.compile(
                            "(?i)\\b(?:cohort|observational|cross-sectional|case-control|population-based|prospective\\s+stud(?:y|ies)"
                                    + "|retrospective)\\b")),
            Map.entry(StudyDesign.SURVEY, Pattern.compile("(?i)\\b(?:survey|poll|questionnaire)s?\\b")),
            // Last: a comparison with placebo, or a bare "trial", is a controlled trial in this literature.
            Map.entry(StudyDesign.RANDOMIZED_CONTROLLED_TRIAL, Pattern.compile("(?i)\\b(?:placebo|trials?)\\b")));

    private static final Pattern HUMANS = Pattern.compile(
            "(?i)\\b(?:people|persons?|adults?|men|women|man|woman|patients|children|adolescents|teenagers|volunteers"
                    + "|participants|users|athletes|humans?|players|runners|students|infants|girls|boys|smokers|travell?ers"
                    + "|individuals|subjects|elderly|pregnan\\w*|veterans|workers|triathletes|cyclists|deaths|family)\\b"
                    + "|\\b\\d+-year-old\\b");

    static StudyDesign designOf(String sentence, SourceKind kind) {
        for (Map.Entry<StudyDesign, Pattern> design : DESIGNS) {
            if (design.getValue().matcher(sentence).find()) {
                return design.getKey();
            }
        }
        return kind == SourceKind.organization ? StudyDesign.REGULATOR_STATEMENT : StudyDesign.UNSPECIFIED;
    }

    /** Cells and animals by the design; people when the sentence names them; else unknown (null). */
    static Population populationOf(String sentence, StudyDesign design) {
        if (design == StudyDesign.IN_VITRO) {
            return Population.CELLS;
        }
        if (design == StudyDesign.ANIMAL) {
            return Population.ANIMALS;
        }
        if (design == StudyDesign.CASE_REPORT) {
            return Population.HUMANS; // a case report describes a patient
        }
        return HUMANS.matcher(sentence).find() ? Population.HUMANS : null;
    }
}
