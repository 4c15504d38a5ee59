package io.supplements.claim.extraction;

import java.util.Locale;

/** What kind of evidence a citation is, as its citing sentence describes it. */
public enum StudyDesign {
    META_ANALYSIS,
    SYSTEMATIC_REVIEW,
    RANDOMIZED_CONTROLLED_TRIAL,
    COHORT_OR_OBSERVATIONAL,
    CASE_REPORT,
    SURVEY,
    ANIMAL,
    IN_VITRO,
    /** What a regulator or health body states, not a study of its own. */
    REGULATOR_STATEMENT,
    UNSPECIFIED;

    /** The wire and column value: "randomized-controlled-trial". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
