package io.supplements.claim.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word patterns the extractor reads sentences with: references to the article's supplement,
 * vague attribution, hedging, negation and open questions. All are English and case-insensitive
 * unless noted; none depends on a particular supplement.
 */
final class Cues {

    private Cues() {}

    // ---- Which supplement ------------------------------------------------------------------

    /**
     * Words that point back to a supplement named before: "its", "this herb", "these alkaloids",
     * "the plant's active compounds", "the mushroom", "this compound". "It" counts unless it is the empty subject of "it is
     * important to ...".
     */
    private static final Pattern REFERS_BACK = Pattern.compile("(?i)\\b(?:its|itself)\\b"
            + "|\\bit\\b(?!['\u2019]s\\s|\\s+is\\s+(?:also\\s+)?(?:important|crucial|essential|imperative|vital|evident"
            + "|clear|not\\s+clear|unclear|worth|necessary|possible|likely|unknown|recommended|advisable)\\b)"
            + "|\\b(?:this|these|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:herb|plant|tree|supplements?|substance|botanical"
            + "|extracts?|compounds?|alkaloids|interaction|natural\\s+alternative|remedy|mushroom|root|leaf|leaves"
            + "|berry|berries|seeds?|fruit|flowers?|bark|resin|mineral|hormone|amino\\s+acid|nutrient|molecule)\\b"
            + "|\\b(?:a|an)\\s+(?:[\\p{L}-]+\\s+){0,2}?extract\\b");

    /**
     * Words that imply someone takes something ("long-term use", "higher doses", "some users
     * report", "the most common side effects"): in an article about one supplement, that supplement.
     */
    private static final Pattern IMPLIES_INTAKE = Pattern.compile(
            "(?i)\\b(?:use|usage|consumption|cessation|doses?|dosages?|mg|users|taking|took|intakes?|supplementation|products?"
                    + "|side\\s+effects?|experience)\\b");

    /** Other things people take; a sentence about them is not about the article's supplement. */
    private static final Pattern OTHER_AGENT =
            Pattern.compile("(?i)\\b(?:opioids?|opiates?|painkillers|benzodiazepines|alternatives|remedies)\\b");

    /** A substance named as what is measured, not what is taken: "copper levels", "levels of GABA", "iron deficiency". */
    private static final Pattern MEASURED_AFTER = Pattern.compile(
            "(?i)^\\s*(?:levels?|deficiency|absorption|status|stores|concentrations?|production|content)\\b");

    private static final Pattern MEASURED_BEFORE =
            Pattern.compile("(?i)\\b(?:levels?|concentrations?|absorption|amount|production)\\s+of\\s+(?:the\\s+)?$");

    static boolean measuredInTheBody(String text, int start, int end) {
        return MEASURED_AFTER.matcher(text.substring(end)).find()
                || MEASURED_BEFORE
                        .matcher(text.substring(Math.max(0, start - 40), start))
                        .find();
    }

    static boolean refersBack(String text) {
        return REFERS_BACK.matcher(text).find();
    }

    static boolean impliesIntake(String text) {
        return IMPLIES_INTAKE.matcher(text).find() && !OTHER_AGENT.matcher(text).find();
    }

    // ---- Effects without a vocabulary outcome -----------------------------------------------

    /**
     * An effect the vocabulary may not name: "exerts its effects", "in treating various ailments",
     * "the long-term effects of kratom remain unclear", a warning ("the FDA has issued warnings about
     * kratom") or a reported finding ("found that kratom calmed zebras", "users report that ...").
     */
    private static final Pattern UNNAMED_EFFECT = Pattern.compile(
            "(?i)\\b(?:its|their)\\s+(?:[\\p{L}-]+\\s+)?(?:effects|properties)\\b|\\btreat(?:ing|s)?\\s+(?:various|many)\\b"
                    + "|\\blong-term\\s+(?:effects|impacts|safety)\\b"
                    + "|\\bwarn(?:s|ed|ings?)?\\s+(?:about|against|of|that)\\b"
                    + "|\\b(?:found|showed|shown|demonstrated|reported|report|reports|concluded|noted|documented)\\s+that\\b");

    /**
     * What an effect verb acts on: "lowered (blood pressure) in adults", "improved (short-term memory)",
     * "did not increase (muscle strength or power)". Up to six words, ending before a preposition,
     * comparison, clause or number.
     */
    private static final Pattern EFFECT_PHRASE = Pattern.compile(
            "(?i)\\b(?:improv|reduc|lower|rais|increas|decreas|cut|shorten|eas|reliev|protect|block|slow|boost|prevent"
                    + "|caus|affect|shrank|shrink|blunt|lengthen|extend|restor|strengthen|stimulat|activat|inhibit|enhanc"
                    + "|worsen|treat|damag|trigger|interact|bind|act)(?:e|es|ed|ing|s|d)?\\b(?:\\s+(?:on|with))?"
                    + "\\s+(?:the\\s+|its\\s+|their\\s+)?(?<phrase>(?:(?!(?:in|on|by|for|from|than|compared|after|when|during"
                    + "|within|among|at|as|and\\s+(?:the|its|a|an)|that|which|but|because|while|of\\s+(?:people|adults|men|women|patients"
                    + "|children))\\b)[\\p{L}][\\p{L}'\u2019-]*\\s*){1,6})");

    static String effectPhrase(String asserted) {
        Matcher m = EFFECT_PHRASE.matcher(asserted);
        return m.find() ? m.group("phrase").strip() : null;
    }

    static boolean namesUnnamedEffect(String text) {
        return UNNAMED_EFFECT.matcher(text).find();
    }

    /** Between a general outcome and a specific one: "side effects, including hair loss", "side effect is". */
    private static final Pattern EXAMPLES =
            Pattern.compile("(?i)^[\\s,:]*(?:including|such\\s+as|like|is|are|(?:may\\s+)?include)\\s+(?:the\\s+)?"
                    + "(?:[\\p{L}-]+\\s+){0,4}$");

    /** After an outcome: the next item of a list ("nausea, sweating, and ...", "nausea or anxiety"). */
    private static final Pattern LIST_GOES_ON = Pattern.compile(
            "(?i)^(?:\\s*,\\s*(?:and\\s+|or\\s+)?(?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+\\s*(?:,|\\band\\b|\\bor\\b)|\\s+(?:and|or)\\b)");

    /**
     * A general outcome introduces a single specific one: "a less-explored side effect is hair loss",
     * "side effects, including hair loss, require further study"; not a list ("side effects such as
     * nausea, sweating, and ...").
     */
    static boolean introducesOneExample(String between, String afterExample) {
        return EXAMPLES.matcher(between).find()
                && !LIST_GOES_ON.matcher(afterExample).find();
    }

    // ---- Attribution ----------------------------------------------------------------------------

    private static final String SOURCE_KIND = "(?:stud(?:y|ies)|research|evidence|data|trials?|reports?|experiments?"
            + "|reviews?|(?:meta-)?analyses|work|experts?|scientists|researchers|users|proponents|community|texts"
            + "|herbalists|practitioners|(?:traditional|folk)\\s+(?:\\p{L}+\\s+)?(?:medicine|healers|use)|tradition)";

    /** An unnamed kind of source that speaks: "studies suggest", "some users report", "anecdotal evidence". */
    private static final Pattern VAGUE = Pattern.compile(
            "(?i)\\b" + SOURCE_KIND + "\\b(?:\\s+[\\p{L}-]+){0,2}?\\s+(?:suggest|indicate|show|support|report|describe"
                    + "|argue|cite|recommend|worr|found|note|claim|demonstrat|document|highlight|confirm|reveal|explor|hold|held"
                    + "|produced\\s+(?:conflicting|mixed|inconsistent)|point)\\w*"
                    + "|\\b(?:some|many|several|most)\\s+(?:\\p{L}+\\s+)?(?:users|people|men|women|patients|parents|athletes"
                    + "|consumers|adults|runners)\\s+(?:\\p{L}+\\s+)?(?:report|say|describe|find|notice|claim)\\w*"
                    + "|\\baccording\\s+to\\s+(?:several|many|some|recent|other|most|numerous|multiple)\\s+"
                    + SOURCE_KIND + "\\b"
                    + "|\\b(?:reported|described|documented|noted)\\s+by\\s+(?:some\\s+|many\\s+|several\\s+)?(?:users|individuals"
                    + "|people|researchers|studies)\\b"
                    + "|\\banecdotal(?:ly)?\\b|\\buser\\s+reports\\b|\\bamong\\s+users\\b|\\bexpert\\s+recommendations\\b"
                    + "|\\bin\\s+(?:a|an|one|animal|clinical|laboratory)\\s+(?:[\\p{L}-]+\\s+)?(?:trials?|experiments?|studies)\\b"
                    + "|\\bthere\\s+is\\s+(?:no|some|little|growing|limited|weak|strong|moderate|insufficient|not\\s+enough)\\s+"
                    + "(?:(?:good|strong|clear|reliable|high-quality|convincing|consistent)\\s+)?evidence\\b|\\bthe\\s+evidence\\b"
                    + "|\\bscientific\\s+community\\b");

    static boolean appealsToUnnamedSources(String text) {
        return VAGUE.matcher(text).find();
    }

    // ---- Hedging --------------------------------------------------------------------------------

    private static final Pattern HEDGE =
            Pattern.compile("(?i)\\b(?:may|might|could|can\\s+potentially|suggests?|suggesting|possibly|possibility"
                    + "|(?<!(?:addiction|abuse)\\s)potential(?:ly)?"
                    + "|likely|appears?\\s+to|appear|believed|thought\\s+to|considered"
                    + "|(?:further|more)\\s+research\\s+is\\s+needed)\\b");

    static boolean hedges(String text) {
        return HEDGE.matcher(text).find();
    }

    // ---- Stance ---------------------------------------------------------------------------------

    /**
     * A negation in front of an outcome, at most five words before it and within its clause:
     * "not habit-forming", "found no evidence of kratom causing hair loss", "without the addictive
     * properties", "does not appear to cause dependence". Matched against the text before the term.
     */
    private static final Pattern NEGATION_BEFORE =
            Pattern.compile("(?i)\\b(?:not|no|never|without|nor|neither)\\b((?:\\s+[\\p{L}\\p{N}'\u2019-]+){0,5})\\s+$"
                    + "|n['\u2019]t((?:\\s+[\\p{L}\\p{N}'\u2019-]+){0,5})\\s+$");

    /** Negations that do not deny: "not without side effects", "without the same level of", "not only". */
    private static final Pattern NOT_A_DENIAL = Pattern.compile(
            "(?i)\\bnot\\s+(?:without|only|just|limited|necessarily|universally)\\b|\\bwithout\\s+the\\s+(?:same|high|usual)\\b"
                    + "|\\bno\\s+(?:longer|more\\s+than)\\b");

    /** A negation after the outcome: "tolerance is not a major concern". */
    private static final Pattern NEGATION_AFTER = Pattern.compile(
            "(?i)^\\s+(?:is|are|was|were)\\s+not\\s+(?:a\\s+)?(?:major\\s+|significant\\s+|serious\\s+)?"
                    + "(?:concern|issue|problem|risk)\\b");

    /** A study that looked and did not find: "did not find a link between kratom and liver damage". */
    private static final Pattern NOT_FOUND =
            Pattern.compile("(?i)\\b(?:no\\s+(?:evidence|link|significant|association|causal|sign)|found\\s+no"
                    + "|did\\s+not\\s+(?:find|show)|didn['\u2019]t\\s+(?:find|show)|not\\s+associated"
                    + "|failed\\s+to\\s+(?:find|show|demonstrate))\\b");

    /** {@code before} ends with a negation of whatever follows it. */
    static boolean negates(String before) {
        int from = Math.max(0, before.length() - 80);
        String window = before.substring(from);
        Matcher m = NEGATION_BEFORE.matcher(window);
        if (!m.find()) {
            return false;
        }
        String between = m.group(1) != null ? m.group(1) : m.group(2);
        return between.chars().noneMatch(c -> c == ',' || c == ';' || c == ':')
                && !NOT_A_DENIAL.matcher(window.substring(m.start())).find();
    }

    static boolean negatedAfter(String after) {
        return NEGATION_AFTER.matcher(after).find();
    }

    static boolean reportsNothingFound(String text) {
        return NOT_FOUND.matcher(text).find();
    }

    private static final Pattern OPEN_QUESTION = Pattern.compile(
            "(?i)\\b(?:(?:further|more|additional)\\s+(?:scientific\\s+)?(?:research|studies|investigation)\\s+(?:is|are)"
                    + "\\s+(?:needed|required|warranted)|not\\s+(?:fully|well|yet)\\s+(?:understood|established)"
                    + "|isn['\u2019]t\\s+fully\\s+understood|not\\s+well-established"
                    + "|remains?\\s+(?:unclear|unknown|uncertain|limited|divided)|remain\\s+subjects\\s+of|is\\s+unknown"
                    + "|inconclusive|not\\s+clear|(?:low|poor)\\s+quality\\s+of\\s+(?:the\\s+)?evidence"
                    + "|evidence\\s+(?:is|remains)\\s+limited)\\b");

    /** A reported result or effect; its presence means an open question is a caveat, not the whole point. */
    private static final Pattern FINDING = Pattern.compile(
            "(?i)\\b(?:show(?:s|n|ed)?|demonstrat(?:es|ed)|document(?:s|ed)|confirm(?:s|ed)|reveal(?:s|ed)"
                    + "|found|report(?:s|ed)?|suggest(?:s|ed|ing)?|indicat(?:es|ed|ing)|warn(?:s|ed|ings)?"
                    + "|linked|causes?|caused|improve[sd]?|reduce[sd]?|lead\\s+to|leads\\s+to|appears?)\\b");

    static boolean leavesOpen(String text) {
        return OPEN_QUESTION.matcher(text).find();
    }

    static boolean reportsFinding(String text) {
        return FINDING.matcher(text).find();
    }
}
