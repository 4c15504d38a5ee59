package io.supplements.claim.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the sources a sentence cites inline: journals ("a study published in Pharmacognosy Research
 * (2017)", "a 2019 meta-analysis in Sleep Medicine Reviews", "reported in the journal Phytomedicine
 * (2000)") and organisations ("the FDA has issued warnings", "according to a 2022 report from the
 * Centers for Disease Control and Prevention", "the NIH's LiverTox database lists").
 */
final class Citations {

    private Citations() {}

    // ---- Journals -------------------------------------------------------------------------

    /** A capitalised word; hyphens and apostrophes only inside, so a title never swallows punctuation. */
    private static final String TITLE_WORD = "\\p{Lu}[\\p{L}\\p{N}]*(?:[-'\u2019][\\p{L}\\p{N}]+)*";

    /** Capitalised words, joined by the lowercase connectors journal titles use ("Frontiers in ..."). */
    private static final String TITLE = TITLE_WORD + "(?:\\s+(?:(?:of|and|for|in|on|the|&)\\s+)*" + TITLE_WORD + ")*";

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
    private static final Pattern JOURNAL =
            Pattern.compile("(?i:\\b(?:(?<yearBefore>" + YEAR + ")\\s+" + QUALIFIERS + ")?" + PUBLICATION
                    + "\\s+(?:(?<published1>published|appearing|reported)\\s+)?in"
                    + "|\\b(?<published2>published|appearing|reported)\\s+in(?:\\s+(?<yearMid>" + YEAR + ")\\s+in)?)"
                    + "\\s+(?i:the\\s+)?(?:(?<generic>journal)\\s+)?(?<title>" + TITLE + ")"
                    + "(?:\\s+\\((?<year>" + YEAR + ")\\)|\\s+in\\s+(?<yearIn>" + YEAR + ")\\b)?");

    /** A dated publication earlier in the sentence: "A 2021 meta-analysis of five trials, published in ...". */
    private static final Pattern DATED_PUBLICATION =
            Pattern.compile("(?i)\\b(?<year>" + YEAR + ")\\s+" + QUALIFIERS + PUBLICATION + "\\b");

    /**
     * Words that mark a capitalised phrase as a journal title. "A study in Thailand" or "research in
     * Southeast Asia" use the same grammar as "a study in Journal of Clinical Medicine", so after
     * the weaker leads ("study in", "reported in") we need one of these, a year right after the
     * title, or "the journal" before it to believe it. "Published in" is specific enough on its own.
     */
    private static final Set<String> JOURNAL_WORDS = Set.of(
            "Journal",
            "Journals",
            "Research",
            "Review",
            "Reviews",
            "Medicine",
            "Medical",
            "Clinical",
            "Pharmacology",
            "Pharmacognosy",
            "Pharmacy",
            "Pharmaceutical",
            "Pharmaceutics",
            "Therapeutics",
            "Science",
            "Sciences",
            "Nature",
            "Lancet",
            "Letters",
            "Reports",
            "Proceedings",
            "Annals",
            "Archives",
            "Bulletin",
            "Frontiers",
            "Nutrition",
            "Nutrients",
            "Phytotherapy",
            "Phytomedicine",
            "Molecules",
            "Addiction",
            "Cochrane",
            "BMJ",
            "JAMA",
            "NEJM",
            "PLOS",
            "PLoS",
            "Cureus",
            "International",
            "Health",
            "Database");

    /** "Published in March" names a date, not a journal. */
    private static final Set<String> NOT_TITLES = Set.of(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "English");

    // ---- Organisations --------------------------------------------------------------------

    /** Where the organisations a text may cite are listed: canonical short name, full names, acronyms. */
    static final String ORGANIZATIONS_RESOURCE = "organizations.json";

    /** Where common journal titles are listed, one per line. */
    static final String JOURNALS_RESOURCE = "journals.txt";

    /**
     * What makes a body a source rather than a mere mention: it says something ("has issued
     * warnings", "recommends", "announced"). Adverbs and auxiliaries may come between.
     */
    private static final String SPEAKS = "(?i:(?:(?:has|have|had|does|did|not|also|now|repeatedly|recently|"
            + "previously|already|officially|publicly|strongly)\\s+)*"
            + "(?:issue[sd]?\\s+(?:(?:a|an|public|consumer|health|several|repeated|new)\\s+)*(?:warnings?|advisor(?:y|ies)"
            + "|statements?|guidance|cautions?)|warn(?:s|ed)?|report(?:s|ed)?|state[sd]?|recommend(?:s|ed)?|advise[sd]?"
            + "|caution(?:s|ed)?|classif(?:ies|ied)|list(?:s|ed)|note[sd]?|describe[sd]?|estimate[sd]?|rate[sd]?"
            + "|says|said|conclude[sd]?|found|consider(?:s|ed)|judged?|judges)\\b)";

    /** "the NIH's LiverTox database lists", "the FDA's 2018 report". */
    private static final String POSSESSIVE_DOCUMENT = "['\u2019]s\\s+(?:[\\p{L}\\p{N}-]+\\s+){0,3}?"
            + "(?i:database|report|guidance|guidelines?|fact\\s+sheet|website|review|data|statement|warning|advisory)\\b";

    /** What a body publishes; "a 2014 Cochrane review", "a WHO monograph", "In a 2022 statement". */
    private static final String DOCUMENT = "(?i:reviews?|report|statement|monograph|opinion|assessment|guidance"
            + "|guidelines?|fact\\s+sheet|advisory|analysis|meta-analysis|position\\s+stand|data|figures|survey|database)";

    /** One document, not a verb: "a Cochrane review", never "the FDA reviews". */
    private static final String ONE_DOCUMENT = "(?i:review|report|statement|monograph|opinion|assessment|guidance"
            + "|guideline|fact\\s+sheet|advisory|analysis|meta-analysis|position\\s+stand|survey)";

    private static final String AUXILIARY =
            "(?i:do|does|did|has|have|had|not|is|are|was|were|will|would|can|could|may|might"
                    + "|should|must|also|now|never)\\b";

    /** A dated document of a body before its name: "In its 2018 critical review, the WHO ...", "In a 2022 statement, EFSA said". */
    private static final Pattern DATED_DOCUMENT = Pattern.compile(
            "(?i)\\b(?:a|an|its|their|the)\\s+(?<year>" + YEAR + ")\\s+" + QUALIFIERS + DOCUMENT + "\\b");

    /** "'s 2021" after a body's name: "the World Health Organization's 2021 report". */
    private static final Pattern OWNER_YEAR = Pattern.compile("['\u2019]s\\s+(" + YEAR + ")\\b");

    /** "published in 2013" right after a cited name or document. */
    private static final Pattern PUBLISHED_YEAR = Pattern.compile(
            "^(?:\\s+(?:[\\p{L}-]+\\s+){0,2}?)?,?\\s*(?i:published|reported|issued|released|updated)\\s+in\\s+(?<year>"
                    + YEAR + ")\\b");

    /** "according to (a 2022 report from) the X". */
    private static final String ACCORDING_TO =
            "(?i:\\b(?:(?:data|figures|statistics|numbers)\\s+from|according\\s+to)\\s+(?:(?:a|an|the|its)\\s+(?:(?<docYear>"
                    + YEAR
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
    private static final Pattern OTHER_BODY = Pattern.compile("(?:(?i:\\bthe\\s+)(?<subject>(?:" + TITLE_WORD
            + "\\s+(?:(?:of|and|for|on|&)\\s+)*){0,6}" + BODY + ")"
            + NOT_IN_WORD_AFTER + "\\s+" + SPEAKS + "(?!\\s+in\\b))"
            + "|" + ACCORDING_TO + "(?<name>(?:" + TITLE_WORD + "\\s+(?:(?:of|and|for|on|&)\\s+)*){0,6}" + BODY + ")"
            + NOT_IN_WORD_AFTER);

    /** Canonical name to the citing forms of one body. */
    private static final Map<String, Pattern> ORGANIZATION_PATTERNS = CitationData.organizations().entrySet().stream()
            .collect(Collectors.toMap(
                    Map.Entry::getKey,
                    entry -> organizationPattern(entry.getValue()),
                    (a, b) -> a,
                    LinkedHashMap::new));

    /** Any organisation name or acronym: only the bodies a sentence names have their citing forms tried. */
    private static final Pattern ANY_ORGANIZATION = Pattern.compile(NOT_IN_WORD_BEFORE + "(?:"
            + TermPattern.of(CitationData.canonicalByName().keySet()) + ")" + NOT_IN_WORD_AFTER);

    private static Pattern organizationPattern(String names) {
        // The acronym in brackets after a full name belongs to the mention:
        // "World Health Organization (WHO) recommends".
        String mention = "(?<name>(?:" + names + ")(?:\\s+\\(\\p{Lu}+\\))?)" + NOT_IN_WORD_AFTER;
        // "reported in the Journal ..." cites the journal, not the body doing the reporting.
        String asSubject =
                NOT_IN_WORD_BEFORE + mention.replace("<name>", "<subject>") + "\\s+" + SPEAKS + "(?!\\s+in\\b)";
        // "the NIH's LiverTox database lists ..."; "papers indexed in the NIH's PubMed database" cites nothing.
        String asOwner = NOT_IN_WORD_BEFORE + "(?<owner>" + names + ")" + POSSESSIVE_DOCUMENT
                + "(?=\\s+(?:[\\p{L}-]+\\s+)?" + SPEAKS + ")";
        // "the WHO's Expert Committee on Drug Dependence found": the committee speaks for the body.
        String asOwnerOfBody = NOT_IN_WORD_BEFORE + "(?<bodyOwner>(?:" + names + ")['\u2019]s\\s+(?:" + TITLE_WORD
                + "\\s+(?:(?:of|on|for|and)\\s+)*){0,6}" + TITLE_WORD + ")\\s+" + SPEAKS;
        // "a 2014 Cochrane review", "A WHO monograph describes"; not "The FDA does not review".
        String asAttributive = "(?i:\\b(?:a|an|the|its)\\s+)(?:(?<attrYear>" + YEAR + ")\\s+)?(?<attr>" + names
                + ")\\s+" + "(?:(?!" + AUXILIARY + ")[\\p{L}-]+\\s+){0,2}?" + ONE_DOCUMENT + "\\b";
        String asAttribution = ACCORDING_TO + mention;
        return Pattern.compile(
                asSubject + "|" + asOwner + "|" + asOwnerOfBody + "|" + asAttributive + "|" + asAttribution);
    }

    // ---- Journals from the shipped list ---------------------------------------------------------

    private static final Pattern KNOWN_JOURNAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?<title>" + TermPattern.of(CitationData.journals()) + ")(?![\\p{L}\\p{N}])");

    /** Words before a title that cite it: "a study in (the journal)", "published in the", "research in". */
    private static final Pattern CITES_TITLE_BEFORE =
            Pattern.compile("(?i)\\b(?:in|from)\\s+(?:the\\s+)?(?:journal\\s+)?$");

    /** What a journal does when it is cited as the subject; "reported in" must go on with a year, not a place. */
    private static final String JOURNAL_SPEAKS = "\\s+(?i:(?:has\\s+|have\\s+|also\\s+|later\\s+)*"
            + "(?:reported|found|concluded|described|showed|noted))\\b(?!\\s+in\\s+(?!" + YEAR + "))";

    /** A title that speaks: "Frontiers in Pharmacology reported in 2020 that ...". */
    private static final Pattern TITLE_SPEAKS = Pattern.compile("^" + JOURNAL_SPEAKS);

    /** A year right after a title: "(2019)", "in 1992", "from 2019", "published in 2010", "reported in 2015". */
    private static final Pattern YEAR_AFTER_TITLE = Pattern.compile("^(?<paren>\\s*\\((?<y1>" + YEAR
            + ")\\))|^\\s*,?\\s+(?:(?i:published|reported)\\s+)?(?:in|from)\\s+(?<y2>" + YEAR + ")\\b");

    /** "published in 2019 in the ..." before a title. */
    private static final Pattern YEAR_BEFORE_TITLE =
            Pattern.compile("(?i)\\bpublished\\s+in\\s+(?<year>" + YEAR + ")\\s+in\\s+(?:the\\s+)?(?:journal\\s+)?$");

    // ---- Authors and identifiers --------------------------------------------------------------

    /** A surname: capitalised, with a lowercase letter somewhere ("Hemilä", "O'Brien"), so acronyms are not names. */
    private static final String SURNAME = "\\p{Lu}[\\p{L}'\u2019-]*\\p{Ll}[\\p{L}'\u2019-]*";

    /** "Greenwood and colleagues (2003)", "Smith et al. (2021)", "Bent and Kane (2006)". */
    private static final Pattern NARRATIVE_AUTHOR = Pattern.compile("(?<![\\p{L}])(?<surname>" + SURNAME + ")"
            + "(?:\\s+(?:and|&)\\s+(?:colleagues|coworkers|co-workers|others|" + SURNAME + ")|\\s+et\\s+al\\.?)"
            + "(?:['\u2019]s)?\\s*\\((?<year>" + YEAR + ")[a-z]?\\)");

    /** One author-year item in brackets: "Poortmans et al., 1999", "Hemilä, 2017", "Bent and Kane 2006". */
    private static final Pattern BRACKETED_AUTHOR = Pattern.compile("(?<surname>" + SURNAME + ")"
            + "(?:\\s+et\\s+al\\.?|\\s+(?:and|&)\\s+" + SURNAME + ")?,?\\s+(?<year>" + YEAR + ")[a-z]?");

    private static final Pattern BRACKETS = Pattern.compile("\\(([^()]*)\\)");

    private static final Set<String> NOT_SURNAMES = Set.of(
            "In",
            "The",
            "See",
            "From",
            "Since",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December");

    /**
     * Identifiers that cite a document by themselves; the group name is the identifier's kind. A URL
     * cites only in brackets: "(https://...)"; a resource line's link is where to read more.
     */
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?i:\\bdoi:\\s*|\\bhttps?://(?:dx\\.)?doi\\.org/)(?<doi>10\\.\\d{4,9}/[^\\s()\\[\\]<>\"]+)"
                    + "|(?<![\\p{L}\\p{N}/])(?<bareDoi>10\\.\\d{4,9}/[^\\s()\\[\\]<>\"]+)"
                    + "|\\bPMID:?\\s*(?<pmid>\\d{4,9})\\b"
                    + "|\\b(?:PMCID:?\\s*)?(?<pmcid>PMC\\d{4,9})\\b"
                    + "|\\b(?<nct>NCT\\d{8})\\b"
                    + "|(?<=\\()(?<url>https?://[^\\s()<>\"]+)(?=\\))");

    /** The sources {@code sentence} cites, in textual order, with offsets shifted by {@code offset}. */
    static List<CitedSource> in(String sentence, int offset) {
        List<CitedSource> found = new ArrayList<>();
        journalsIn(sentence, offset, found);
        knownJournalsIn(sentence, offset, found);
        organizationsIn(sentence, offset, found);
        authorsIn(sentence, offset, found);
        // Two patterns can claim the same words ("published in the WHO Bulletin"); keep the first, and of
        // two at the same place the one that found a year, then the longer.
        found.sort(Comparator.comparingInt(CitedSource::start)
                .thenComparing(c -> c.year() == null)
                .thenComparingInt(c -> -c.citedText().length()));
        List<CitedSource> citations = new ArrayList<>();
        int coveredUntil = -1;
        for (CitedSource citation : found) {
            if (citation.start() >= coveredUntil) {
                citations.add(citation);
                coveredUntil = citation.end();
            }
        }
        List<CitedSource> withIdentifiers = withIdentifiers(sentence, offset, citations);
        withIdentifiers.replaceAll(c -> {
            StudyDesign design = Designs.designOf(sentence, c.kind());
            return c.withEvidence(design, Designs.populationOf(sentence, design));
        });
        return withIdentifiers;
    }

    /**
     * Identifiers in the sentence: each belongs to the source cited just before it ("published in
     * Nutrients (2016) (doi:...)"), or, when the sentence cites nothing else, is a source of its own,
     * named by the identifier and dated by the publication the sentence describes ("In a 2015
     * placebo-controlled trial (NCT01098318)").
     */
    private static List<CitedSource> withIdentifiers(String sentence, int offset, List<CitedSource> citations) {
        Matcher m = IDENTIFIER.matcher(sentence);
        List<CitedSource> result = new ArrayList<>(citations);
        while (m.find()) {
            String kind = firstPresent(m, "doi", "bareDoi", "pmid", "pmcid", "nct", "url");
            int end = m.end(kind);
            while (end > m.start(kind) && ".,;:".indexOf(sentence.charAt(end - 1)) >= 0) {
                end--;
            }
            String value = sentence.substring(m.start(kind), end);
            String key = kind.equals("bareDoi") ? "doi" : kind;
            int start = m.start();
            if (key.equals("url") && value.matches("(?i)https?://(?:dx\\.)?doi\\.org/.*")) {
                continue;
            }
            CitedSource owner = null;
            for (CitedSource c : result) {
                if (c.kind() != SourceKind.document && c.start() - offset < start) {
                    owner = c;
                }
            }
            if (owner == null && !citations.isEmpty()) {
                owner = citations.get(0);
            }
            if (owner != null) {
                result.set(result.indexOf(owner), owner.withIdentifier(key, value));
            } else {
                String year = datedPublicationBefore(sentence, 0, start);
                result.add(new CitedSource(
                                SourceKind.document,
                                value,
                                year == null ? null : Integer.valueOf(year),
                                sentence.substring(start, end),
                                offset + start,
                                offset + end)
                        .withIdentifier(key, value));
            }
        }
        result.sort(Comparator.comparingInt(CitedSource::start));
        return result;
    }

    /** A title shaped like a journal's that speaks: "Hypertension Research reported in 2016 that ...". */
    private static final Pattern SHAPED_JOURNAL_SPEAKS =
            Pattern.compile("(?<![\\p{L}\\p{N}])(?<title>" + TITLE + ")(?=" + JOURNAL_SPEAKS + ")");

    /** Where researchers work, not what they publish in: "Rush University Medical Center reported". */
    private static final Pattern PLACE_OF_WORK = Pattern.compile(
            "\\b(?:University|Center|Centre|Hospital|Institute|Clinic|College|School|Foundation|Laboratory|Laboratories)\\b");

    private static void knownJournalsIn(String sentence, int offset, List<CitedSource> into) {
        Matcher shaped = SHAPED_JOURNAL_SPEAKS.matcher(sentence);
        while (shaped.find()) {
            String title = shaped.group("title").replaceFirst("^(?:The|A|An)\\s+", "");
            if (title.contains(" ")
                    && looksLikeJournal(title)
                    && !ANY_ORGANIZATION.matcher(title).find()
                    && !PLACE_OF_WORK.matcher(title).find()) {
                int start = shaped.end() - title.length();
                into.add(journal(sentence, offset, title, start, shaped.end(), 0));
            }
        }
        Matcher m = KNOWN_JOURNAL.matcher(sentence);
        int previousEnd = 0;
        while (m.find()) {
            String before = sentence.substring(Math.max(0, m.start() - 30), m.start());
            String after = sentence.substring(m.end());
            if (!CITES_TITLE_BEFORE.matcher(before).find()
                    && !TITLE_SPEAKS.matcher(after).find()) {
                continue;
            }
            into.add(journal(sentence, offset, m.group("title"), m.start(), m.end(), previousEnd));
            previousEnd = m.end();
        }
    }

    /** A journal cited at [start, end), with the year the words around it give. */
    private static CitedSource journal(
            String sentence, int offset, String title, int start, int titleEnd, int previousEnd) {
        String after = sentence.substring(titleEnd);
        int end = titleEnd;
        String year = null;
        Matcher y = YEAR_AFTER_TITLE.matcher(after);
        Matcher speaks = TITLE_SPEAKS.matcher(after);
        if (y.find()) {
            year = y.group("y1") != null ? y.group("y1") : y.group("y2");
            if (y.group("paren") != null) {
                end = titleEnd + y.end("paren");
            }
        } else if (speaks.find()) {
            Matcher reportedIn = YEAR_AFTER_TITLE.matcher(after.substring(speaks.end())); // "reported in 2020"
            year = reportedIn.find() ? reportedIn.group("y2") : null;
        }
        if (year == null) {
            Matcher b = YEAR_BEFORE_TITLE.matcher(sentence.substring(0, start));
            year = b.find() ? b.group("year") : datedPublicationBefore(sentence, previousEnd, start);
        }
        if (year == null) {
            Matcher p = PUBLISHED_YEAR.matcher(after);
            year = p.find() ? p.group("year") : null;
        }
        return new CitedSource(
                SourceKind.journal,
                title.replaceAll("\\s+", " "),
                year == null ? null : Integer.valueOf(year),
                sentence.substring(start, end),
                offset + start,
                offset + end);
    }

    private static void authorsIn(String sentence, int offset, List<CitedSource> into) {
        Matcher m = NARRATIVE_AUTHOR.matcher(sentence);
        while (m.find()) {
            if (!NOT_SURNAMES.contains(m.group("surname"))) {
                into.add(new CitedSource(
                        SourceKind.author,
                        m.group("surname"),
                        Integer.valueOf(m.group("year")),
                        m.group(),
                        offset + m.start(),
                        offset + m.end()));
            }
        }
        Matcher brackets = BRACKETS.matcher(sentence);
        while (brackets.find()) {
            int at = brackets.start(1);
            for (String item : brackets.group(1).split(";")) {
                String citedText = item.strip();
                Matcher a = BRACKETED_AUTHOR.matcher(citedText);
                if (a.matches() && !NOT_SURNAMES.contains(a.group("surname"))) {
                    int start = at + item.indexOf(citedText);
                    into.add(new CitedSource(
                            SourceKind.author,
                            a.group("surname"),
                            Integer.valueOf(a.group("year")),
                            citedText,
                            offset + start,
                            offset + start + citedText.length()));
                }
                at += item.length() + 1;
            }
        }
    }

    private static void journalsIn(String sentence, int offset, List<CitedSource> into) {
        Matcher m = JOURNAL.matcher(sentence);
        int previousEnd = 0;
        while (m.find()) {
            String title = m.group("title");
            boolean published = m.group("published1") != null
                            && !m.group("published1").equalsIgnoreCase("reported")
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
            if (yearText == null) {
                Matcher after = YEAR_AFTER_TITLE.matcher(sentence.substring(m.end()));
                Matcher publishedIn = PUBLISHED_YEAR.matcher(sentence.substring(m.end()));
                yearText = after.find()
                        ? (after.group("y1") != null ? after.group("y1") : after.group("y2"))
                        : publishedIn.find() ? publishedIn.group("year") : null;
            }
            int start = m.group("yearBefore") != null
                    ? m.start("yearBefore")
                    : m.group("yearMid") != null ? m.start("yearMid") : m.start("title");
            int end = m.group("year") != null
                    ? m.end("year") + 1
                    : m.group("yearIn") != null ? m.end("yearIn") : m.end("title");
            into.add(new CitedSource(
                    SourceKind.journal,
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
        Set<String> named = new TreeSet<>();
        Matcher mention = ANY_ORGANIZATION.matcher(sentence);
        while (mention.find()) {
            String canonical = CitationData.canonicalByName()
                    .get(mention.group().replaceAll("\\s+", " ").replace('\u2019', '\''));
            if (canonical != null) {
                named.add(canonical);
            }
        }
        for (String canonical : named) {
            Matcher m = ORGANIZATION_PATTERNS.get(canonical).matcher(sentence);
            while (m.find()) {
                String group = firstPresent(m, "subject", "owner", "bodyOwner", "attr", "name");
                String year = m.group("docYear") != null ? m.group("docYear") : m.group("attrYear");
                if (year == null && group.equals("owner")) {
                    Matcher dated = OWNER_YEAR.matcher(sentence).region(m.end(group), m.end());
                    year = dated.lookingAt() ? dated.group(1) : null; // "the World Health Organization's 2021 report"
                }
                if (year == null) {
                    year = yearAround(sentence, m.start(group), m.end());
                }
                known.add(organization(canonical, year, sentence, offset, m.start(group), m.end(group)));
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

    /**
     * The year of the document a body is cited for when the citing words do not hold it: "published in
     * 2013" right after them, or a dated document earlier in the sentence ("In a 2022 statement, EFSA
     * said"). "In 2016, the DEA announced" dates an event, not a document, and gives none.
     */
    private static String yearAround(String sentence, int nameStart, int citingEnd) {
        Matcher after = PUBLISHED_YEAR.matcher(sentence.substring(citingEnd));
        if (after.find()) {
            return after.group("year");
        }
        Matcher before = DATED_DOCUMENT.matcher(sentence).region(0, nameStart);
        String year = null;
        while (before.find()) {
            year = before.group("year");
        }
        return year;
    }

    private static CitedSource organization(String name, String year, String sentence, int offset, int start, int end) {
        return new CitedSource(
                SourceKind.organization,
                name,
                year == null ? null : Integer.valueOf(year),
                sentence.substring(start, end),
                offset + start,
                offset + end);
    }
}
