package io.supplements.claim.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds claims in a paragraph: sentences that cite a source inline, such as "a study published in
 * Pharmacognosy Research (2017) demonstrated ..." or "the FDA has issued warnings ...".
 *
 * <p>Vague attributions ("Research suggests", "Studies suggest", "some users report") name no
 * source and are deliberately not claims here. All offsets are UTF-16 code unit indices into the
 * paragraph (see {@link Sentences}). Instances are immutable and safe to share between threads.
 */
public final class ClaimExtractor {

    // ---- Journals -------------------------------------------------------------------------

    /** A capitalised word; hyphens and apostrophes only inside, so a title never swallows punctuation. */
    private static final String TITLE_WORD = "\\p{Lu}[\\p{L}\\p{N}]*(?:[-'\u2019][\\p{L}\\p{N}]+)*";

    /** Capitalised words, joined by the lowercase connectors journal titles use ("Frontiers in ..."). */
    private static final String TITLE =
            TITLE_WORD + "(?:\\s+(?:(?:of|and|for|in|on|the|&)\\s+)*" + TITLE_WORD + ")*";

    private static final String YEAR = "(?:19|20)\\d{2}";

    /**
     * "published in (the) X (2019)", "a study/review/... (published) in (the) X (2019)" and
     * "a 2019 study in X". The lead words are case-insensitive; the title must be capitalised,
     * which is what separates "in Pharmacognosy Research" from "in mice".
     */
    private static final Pattern JOURNAL = Pattern.compile(
            "(?i:\\b(?:(?<yearBefore>" + YEAR + ")\\s+)?"
                    + "(?:study|studies|review|article|paper|trial|research|analysis|report)"
                    + "\\s+(?:(?<published1>published|appearing)\\s+)?in"
                    + "|\\b(?<published2>published|appearing)\\s+in)"
                    + "\\s+(?i:the\\s+)?(?<title>" + TITLE + ")"
                    + "(?:\\s+\\((?<year>" + YEAR + ")\\))?");

    /**
     * Words that mark a capitalised phrase as a journal title. "A study in Thailand" or "research in
     * Southeast Asia" use the same grammar as "a study in Journal of Clinical Medicine", so after
     * the weaker leads ("study in") we need one of these, or a parenthesised year, to believe it.
     * "Published in" is specific enough on its own.
     */
    private static final Set<String> JOURNAL_WORDS = Set.of(
            "Journal", "Journals", "Research", "Review", "Reviews", "Medicine", "Medical", "Clinical",
            "Pharmacology", "Pharmacognosy", "Pharmacy", "Pharmaceutical", "Pharmaceutics", "Therapeutics",
            "Science", "Sciences", "Nature", "Lancet", "Letters", "Reports", "Proceedings", "Annals",
            "Archives", "Bulletin", "Frontiers", "Nutrition", "Nutrients", "Phytotherapy", "Phytomedicine",
            "Molecules", "Addiction", "Cochrane", "BMJ", "JAMA", "NEJM", "PLOS", "PLoS", "Cureus");

    /** "Published in March" names a date, not a journal. */
    private static final Set<String> NOT_TITLES = Set.of(
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December", "English");

    // ---- Organisations --------------------------------------------------------------------

    /** Canonical short name to the ways the text may name the body; acronyms match case-sensitively. */
    private static final Map<String, String> ORGANIZATIONS = Map.of(
            "FDA", "FDA|(?:U\\.S\\.\\s+)?Food\\s+and\\s+Drug\\s+Administration",
            "WHO", "WHO|World\\s+Health\\s+Organi[sz]ation",
            "NIH", "NIH|National\\s+Institutes\\s+of\\s+Health",
            "CDC", "CDC|Centers\\s+for\\s+Disease\\s+Control(?:\\s+and\\s+Prevention)?",
            "DEA", "DEA|(?:U\\.S\\.\\s+)?Drug\\s+Enforcement\\s+Administration",
            "EMA", "EMA|European\\s+Medicines\\s+Agency",
            "NCCIH", "NCCIH|National\\s+Center\\s+for\\s+Complementary\\s+and\\s+Integrative\\s+Health");

    /**
     * What makes a body a source rather than a mere mention: it says something ("has issued
     * warnings", "recommends", "approved"). Adverbs and auxiliaries may come between.
     */
    private static final String SPEAKS = "(?i:(?:(?:has|have|had|does|did|not|also|repeatedly|recently|"
            + "previously|already|officially|publicly)\\s+)*"
            + "(?:issue[sd]?|warn(?:s|ed)?|report(?:s|ed)?|state[sd]?|recommend(?:s|ed)?|advise[sd]?"
            + "|approve[sd]?|caution(?:s|ed)?|classif(?:ies|ied))\\b)";

    /** "FDA" inside "FDAX" or "USFDA" is another word; "FDA-approved" is an adjective, not a source. */
    private static final String NOT_IN_WORD_BEFORE = "(?<![\\p{L}\\p{N}-])";
    private static final String NOT_IN_WORD_AFTER = "(?![\\p{L}\\p{N}-])";

    private static final List<OrganizationPattern> ORGANIZATION_PATTERNS = ORGANIZATIONS.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> OrganizationPattern.of(entry.getKey(), entry.getValue()))
            .toList();

    private record OrganizationPattern(String canonical, Pattern pattern) {

        static OrganizationPattern of(String canonical, String names) {
            // The acronym in brackets after a full name belongs to the mention:
            // "World Health Organization (WHO) recommends".
            String mention = "(?<name>(?:" + names + ")(?:\\s+\\(" + canonical + "\\))?)" + NOT_IN_WORD_AFTER;
            String asSubject = NOT_IN_WORD_BEFORE + mention.replace("<name>", "<subject>") + "\\s+" + SPEAKS;
            String asAttribution = "(?i:\\baccording\\s+to\\s+(?:the\\s+)?)" + mention;
            return new OrganizationPattern(canonical, Pattern.compile(asSubject + "|" + asAttribution));
        }
    }

    // ---- Stance and hedging ---------------------------------------------------------------

    private static final Pattern NOT_FOUND = Pattern.compile(
            "\\b(?:no\\s+(?:evidence|link|significant|association|causal)|found\\s+no"
                    + "|did\\s+not\\s+(?:find|show)|didn['\u2019]t\\s+(?:find|show)|not\\s+associated"
                    + "|failed\\s+to\\s+(?:find|show|demonstrate))\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern OPEN_QUESTION = Pattern.compile(
            "\\b(?:(?:further|more|additional)\\s+(?:research|studies|investigation)\\s+(?:is|are)"
                    + "\\s+(?:needed|required|warranted)|not\\s+(?:fully|well|yet)\\s+understood"
                    + "|remains?\\s+(?:unclear|unknown)|is\\s+unknown|inconclusive)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A reported result; its presence means an open question is a caveat, not the whole point. */
    private static final Pattern FINDING = Pattern.compile(
            "\\b(?:show(?:s|n|ed)?|demonstrat(?:es|ed)|document(?:s|ed)|confirm(?:s|ed)|reveal(?:s|ed)"
                    + "|found|establish(?:es|ed))\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HEDGE = Pattern.compile(
            "\\b(?:may|might|could|can\\s+potentially|suggests?|possibly|potential(?:ly)?|likely"
                    + "|appears?\\s+to|(?:further|more)\\s+research\\s+is\\s+needed)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Vocabulary vocabulary;

    public ClaimExtractor(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /**
     * The claims in {@code paragraph}: one per sentence citing at least one source, in order.
     *
     * <p>A claim's supplement is the one its sentence names; when the sentence names none ("the
     * FDA has issued warnings about the substance"), it is the one the nearest earlier sentence of
     * the paragraph names, since such sentences refer back to it.
     */
    public List<ExtractedClaim> extract(String paragraph) {
        List<ExtractedClaim> claims = new ArrayList<>();
        String supplementInContext = null;
        for (Sentences.Span span : Sentences.split(paragraph)) {
            String sentence = span.in(paragraph);
            List<CitedSource> citations = citationsIn(sentence, span.start());
            String content = withoutCitations(sentence, span.start(), citations);
            String supplement = vocabulary.supplementIn(content).orElse(supplementInContext);
            if (!citations.isEmpty()) {
                claims.add(new ExtractedClaim(
                        sentence,
                        span.start(),
                        span.end(),
                        supplement,
                        vocabulary.outcomeIn(content).orElse(null),
                        stanceOf(sentence),
                        HEDGE.matcher(sentence).find(),
                        citations));
            }
            supplementInContext = supplement;
        }
        return List.copyOf(claims);
    }

    /** The sources {@code sentence} cites, with offsets shifted by {@code offset} into the paragraph. */
    static List<CitedSource> citationsIn(String sentence, int offset) {
        List<CitedSource> found = new ArrayList<>();
        journalsIn(sentence, offset, found);
        organizationsIn(sentence, offset, found);
        found.sort(Comparator.comparingInt(CitedSource::start).thenComparingInt(c -> -c.citedText().length()));

        // Two patterns can claim the same words ("published in the WHO Bulletin"); keep the first.
        List<CitedSource> citations = new ArrayList<>();
        int coveredUntil = -1;
        for (CitedSource citation : found) {
            if (citation.start() >= coveredUntil) {
                citations.add(citation);
                coveredUntil = citation.end();
            }
        }
        return citations;
    }

    /**
     * The sentence with its cited names blanked out, so a source's name is not read as the claim's
     * subject: "a study in Addiction" is not about dependence, nor "Sleep Medicine Reviews" about sleep.
     */
    private static String withoutCitations(String sentence, int offset, List<CitedSource> citations) {
        StringBuilder content = new StringBuilder(sentence);
        for (CitedSource citation : citations) {
            for (int i = citation.start() - offset; i < citation.end() - offset; i++) {
                content.setCharAt(i, ' ');
            }
        }
        return content.toString();
    }

    private static void journalsIn(String sentence, int offset, List<CitedSource> into) {
        Matcher m = JOURNAL.matcher(sentence);
        while (m.find()) {
            String title = m.group("title");
            boolean published = m.group("published1") != null || m.group("published2") != null;
            boolean yearAfterTitle = m.group("year") != null;
            if (NOT_TITLES.contains(title) || !(published || yearAfterTitle || looksLikeJournal(title))) {
                continue;
            }
            int start = m.group("yearBefore") != null ? m.start("yearBefore") : m.start("title");
            int end = m.group("year") != null ? m.end() : m.end("title");
            String yearText = m.group("year") != null ? m.group("year") : m.group("yearBefore");
            into.add(new CitedSource(
                    SourceKind.JOURNAL,
                    title.replaceAll("\\s+", " "),
                    yearText == null ? null : Integer.valueOf(yearText),
                    sentence.substring(start, end),
                    offset + start,
                    offset + end));
        }
    }

    private static boolean looksLikeJournal(String title) {
        for (String word : title.split("\\s+")) {
            if (JOURNAL_WORDS.contains(word) || word.endsWith("ology")) {
                return true;
            }
        }
        return false;
    }

    private static void organizationsIn(String sentence, int offset, List<CitedSource> into) {
        for (OrganizationPattern organization : ORGANIZATION_PATTERNS) {
            Matcher m = organization.pattern().matcher(sentence);
            while (m.find()) {
                String group = m.group("subject") != null ? "subject" : "name";
                into.add(new CitedSource(
                        SourceKind.ORGANIZATION,
                        organization.canonical(),
                        null,
                        m.group(group),
                        offset + m.start(group),
                        offset + m.end(group)));
            }
        }
    }

    private static Stance stanceOf(String sentence) {
        if (NOT_FOUND.matcher(sentence).find()) {
            return Stance.DENIES;
        }
        if (OPEN_QUESTION.matcher(sentence).find() && !FINDING.matcher(sentence).find()) {
            return Stance.UNCERTAIN;
        }
        return Stance.ASSERTS;
    }
}
