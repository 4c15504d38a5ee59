package io.supplements.claim.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sources a sentence cites inline: journals ("a study published in Pharmacognosy Research
 * (2017)", "a 2019 meta-analysis in Sleep Medicine Reviews", "reported in the journal Phytomedicine
 * (2000)") and organisations ("the FDA has issued warnings", "according to a 2022 report from the
 * Centers for Disease Control and Prevention", "the NIH's LiverTox database lists").
 */
final class Citations {

    private Citations() {
    }

    // ---- Journals -------------------------------------------------------------------------

    /** A capitalised word; hyphens and apostrophes only inside, so a title never swallows punctuation. */
    private static final String TITLE_WORD = "\\p{Lu}[\\p{L}\\p{N}]*(?:[-'\u2019][\\p{L}\\p{N}]+)*";

    /** Capitalised words, joined by the lowercase connectors journal titles use ("Frontiers in ..."). */
    private static final String TITLE =
            TITLE_WORD + "(?:\\s+(?:(?:of|and|for|in|on|the|&)\\s+)*" + TITLE_WORD + ")*";

    private static final String YEAR = "(?:19|20)\\d{2}";

    /** What a journal publishes; "a 2021 meta-analysis", "a randomized controlled trial", "a case series". */
    private static final String PUBLICATION = "(?:meta-analysis|study|studies|review|article|paper|trial|research"
            + "|analysis|report|letter|series|survey|experiment)";

    /** Up to three words between a year and the publication: "2014 systematic review", "2020 case series". */
    private static final String QUALIFIERS = "(?:[\\p{L}-]+\\s+){0,3}?";

    /**
     * "published in (the) X (2019)", "a study/review/... (published) in (the) X (2019)", "a 2019 study
     * in X", "published in 2018 in X", "reported in the journal X". The lead words are
     * case-insensitive; the title must be capitalised, which is what separates "in Pharmacognosy
     * Research" from "in mice". A lowercase "the journal" before the title is a strong lead.
     */
    private static final Pattern JOURNAL = Pattern.compile(
            "(?i:\\b(?:(?<yearBefore>" + YEAR + ")\\s+" + QUALIFIERS + ")?" + PUBLICATION
                    + "\\s+(?:(?<published1>published|appearing|reported)\\s+)?in"
                    + "|\\b(?<published2>published|appearing|reported)\\s+in(?:\\s+(?<yearMid>" + YEAR + ")\\s+in)?)"
                    + "\\s+(?i:the\\s+)?(?:(?<generic>journal)\\s+)?(?<title>" + TITLE + ")"
                    + "(?:\\s+\\((?<year>" + YEAR + ")\\)|\\s+in\\s+(?<yearIn>" + YEAR + ")\\b)?");

    /** A dated publication earlier in the sentence: "A 2021 meta-analysis of five trials, published in ...". */
    private static final Pattern DATED_PUBLICATION = Pattern.compile(
            "(?i)\\b(?<year>" + YEAR + ")\\s+" + QUALIFIERS + PUBLICATION + "\\b");

    /**
     * Words that mark a capitalised phrase as a journal title. "A study in Thailand" or "research in
     * Southeast Asia" use the same grammar as "a study in Journal of Clinical Medicine", so after
     * the weaker leads ("study in", "reported in") we need one of these, a year right after the
     * title, or "the journal" before it to believe it. "Published in" is specific enough on its own.
     */
    private static final Set<String> JOURNAL_WORDS = Set.of(
            "Journal", "Journals", "Research", "Review", "Reviews", "Medicine", "Medical", "Clinical",
            "Pharmacology", "Pharmacognosy", "Pharmacy", "Pharmaceutical", "Pharmaceutics", "Therapeutics",
            "Science", "Sciences", "Nature", "Lancet", "Letters", "Reports", "Proceedings", "Annals",
            "Archives", "Bulletin", "Frontiers", "Nutrition", "Nutrients", "Phytotherapy", "Phytomedicine",
            "Molecules", "Addiction", "Cochrane", "BMJ", "JAMA", "NEJM", "PLOS", "PLoS", "Cureus",
            "International", "Health", "Database");

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
            "EFSA", "EFSA|European\\s+Food\\s+Safety\\s+Authority",
            "AASM", "AASM|American\\s+Academy\\s+of\\s+Sleep\\s+Medicine",
            "NCCIH", "NCCIH|National\\s+Center\\s+for\\s+Complementary\\s+and\\s+Integrative\\s+Health");

    /**
     * What makes a body a source rather than a mere mention: it says something ("has issued
     * warnings", "recommends", "announced"). Adverbs and auxiliaries may come between.
     */
    private static final String SPEAKS = "(?i:(?:(?:has|have|had|does|did|not|also|now|repeatedly|recently|"
            + "previously|already|officially|publicly|strongly)\\s+)*"
            + "(?:issue[sd]?|warn(?:s|ed)?|report(?:s|ed)?|state[sd]?|recommend(?:s|ed)?|advise[sd]?"
            + "|approve[sd]?|caution(?:s|ed)?|classif(?:ies|ied)|announce[sd]?|list(?:s|ed)|note[sd]?"
            + "|says|said|conclude[sd]?|found|ban(?:s|ned)|consider(?:s|ed))\\b)";

    /** "the NIH's LiverTox database lists", "the FDA's 2018 report". */
    private static final String POSSESSIVE_DOCUMENT = "['\u2019]s\\s+(?:[\\p{L}\\p{N}-]+\\s+){0,3}?"
            + "(?i:database|report|guidance|guidelines?|fact\\s+sheet|website|review|data|statement|warning|advisory)\\b";

    /** "according to (a 2022 report from) the X". */
    private static final String ACCORDING_TO = "(?i:\\baccording\\s+to\\s+(?:(?:a|an|the|its)\\s+(?:(?<docYear>" + YEAR
            + ")\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:report|statement|review|analysis|survey|data|fact\\s+sheet|guidance"
            + "|guidelines?|warning|advisory)\\s+(?:from|by|of)\\s+)?(?:the\\s+)?)";

    /** "FDA" inside "FDAX" or "USFDA" is another word; "FDA-approved" is an adjective, not a source. */
    private static final String NOT_IN_WORD_BEFORE = "(?<![\\p{L}\\p{N}-])";
    private static final String NOT_IN_WORD_AFTER = "(?![\\p{L}\\p{N}-])";

    /** Words that end the name of a public body: "the Danish Veterinary and Food Administration". */
    private static final String BODY = "(?:Administration|Agency|Authority|Academy|Association|Institute|Institutes"
            + "|Council|Society|College|Board|Ministry|Department|Commission|Organi[sz]ation|Foundation|Office"
            + "|Centers?|Centres?)";

    /**
     * A body we have no short name for, introduced by "the" and speaking: "the Danish Veterinary and
     * Food Administration announced". Its canonical name is its name as written, without "the".
     */
    private static final Pattern OTHER_BODY = Pattern.compile(
            "(?:(?i:\\bthe\\s+)(?<subject>(?:" + TITLE_WORD + "\\s+(?:(?:of|and|for|on|&)\\s+)*){0,6}" + BODY + ")"
                    + NOT_IN_WORD_AFTER + "\\s+" + SPEAKS + "(?!\\s+in\\b))"
                    + "|" + ACCORDING_TO + "(?<name>(?:" + TITLE_WORD + "\\s+(?:(?:of|and|for|on|&)\\s+)*){0,6}" + BODY + ")"
                    + NOT_IN_WORD_AFTER);

    private static final List<OrganizationPattern> ORGANIZATION_PATTERNS = ORGANIZATIONS.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> OrganizationPattern.of(entry.getKey(), entry.getValue()))
            .toList();

    private record OrganizationPattern(String canonical, Pattern pattern, Pattern names) {

        static OrganizationPattern of(String canonical, String names) {
            // The acronym in brackets after a full name belongs to the mention:
            // "World Health Organization (WHO) recommends".
            String mention = "(?<name>(?:" + names + ")(?:\\s+\\(" + canonical + "\\))?)" + NOT_IN_WORD_AFTER;
            // "reported in the Journal ..." cites the journal, not the body doing the reporting.
            String asSubject = NOT_IN_WORD_BEFORE + mention.replace("<name>", "<subject>") + "\\s+" + SPEAKS
                    + "(?!\\s+in\\b)";
            String asOwner = NOT_IN_WORD_BEFORE + "(?<owner>" + names + ")" + POSSESSIVE_DOCUMENT;
            String asAttribution = ACCORDING_TO + mention;
            return new OrganizationPattern(canonical, Pattern.compile(asSubject + "|" + asOwner + "|" + asAttribution), Pattern.compile(names));
        }
    }

    /** The sources {@code sentence} cites, in textual order, with offsets shifted by {@code offset}. */
    static List<CitedSource> in(String sentence, int offset) {
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

    private static void journalsIn(String sentence, int offset, List<CitedSource> into) {
        Matcher m = JOURNAL.matcher(sentence);
        int previousEnd = 0;
        while (m.find()) {
            String title = m.group("title");
            boolean published = m.group("published1") != null && !m.group("published1").equalsIgnoreCase("reported")
                    || m.group("published2") != null && !m.group("published2").equalsIgnoreCase("reported");
            boolean yearAfterTitle = m.group("year") != null || m.group("yearIn") != null || m.group("yearMid") != null;
            boolean namedJournal = m.group("generic") != null;
            if (NOT_TITLES.contains(title)
                    || !(published || yearAfterTitle || namedJournal || looksLikeJournal(title))) {
                continue;
            }
            String yearGroup = firstPresent(m, "year", "yearIn", "yearMid", "yearBefore");
            String yearText = yearGroup == null ? null : m.group(yearGroup);
            if (yearText == null) {
                yearText = datedPublicationBefore(sentence, previousEnd, m.start());
            }
            int start = m.group("yearBefore") != null ? m.start("yearBefore")
                    : m.group("yearMid") != null ? m.start("yearMid") : m.start("title");
            int end = m.group("year") != null ? m.end("year") + 1
                    : m.group("yearIn") != null ? m.end("yearIn") : m.end("title");
            into.add(new CitedSource(
                    SourceKind.JOURNAL,
                    title.replaceAll("\\s+", " "),
                    yearText == null ? null : Integer.valueOf(yearText),
                    sentence.substring(start, end),
                    offset + start,
                    offset + end));
            previousEnd = m.end();
        }
    }

    private static String firstPresent(Matcher m, String... groups) {
        for (String group : groups) {
            if (m.group(group) != null) {
                return group;
            }
        }
        return null;
    }

    /** The year of the last dated publication ("a 2021 meta-analysis") between two citations. */
    private static String datedPublicationBefore(String sentence, int from, int to) {
        Matcher m = DATED_PUBLICATION.matcher(sentence).region(from, to);
        String year = null;
        while (m.find()) {
            year = m.group("year");
        }
        return year;
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
        List<CitedSource> known = new ArrayList<>();
        for (OrganizationPattern organization : ORGANIZATION_PATTERNS) {
            if (!organization.names().matcher(sentence).find()) {
                continue; // every form needs one of the names: most sentences name no body, and this is far cheaper
            }
            Matcher m = organization.pattern().matcher(sentence);
            while (m.find()) {
                String group = m.group("subject") != null ? "subject" : m.group("owner") != null ? "owner" : "name";
                String year = m.group("docYear");
                known.add(organization(organization.canonical(), year, sentence, offset, m.start(group), m.end(group)));
            }
        }
        Matcher m = OTHER_BODY.matcher(sentence);
        while (m.find()) {
            String group = m.group("subject") != null ? "subject" : "name";
            int start = m.start(group);
            int end = m.end(group);
            boolean isKnown = known.stream().anyMatch(k -> k.start() - offset < end && start < k.end() - offset);
            if (!isKnown) {
                String name = m.group(group).replaceAll("\\s+", " ");
                known.add(organization(name, m.group("docYear"), sentence, offset, start, end));
            }
        }
        into.addAll(known);
    }

    private static CitedSource organization(String name, String year, String sentence, int offset, int start, int end) {
        return new CitedSource(SourceKind.ORGANIZATION, name, year == null ? null : Integer.valueOf(year),
                sentence.substring(start, end), offset + start, offset + end);
    }
}
