package io.supplements.claim.extraction;

import static io.supplements.claim.extraction.CorpusScore.format;
import static io.supplements.claim.extraction.CorpusScore.ratio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplements.seedtext.ParsedArticle;
import io.supplements.seedtext.SeedTextParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the extractor against hand labels ({@code extraction/labels.json}): the five seed
 * articles and two articles about other supplements written for this test
 * ({@code extraction/articles/}). Every prose sentence of every article is labelled either as a
 * claim (supplement, outcome, stance, hedging, attribution, cited sources) or as rejected, with a
 * reason; the labels were written by reading the articles, before the rules were tuned.
 *
 * <p>Extracted claims are matched to labels by sentence text. A cited claim is correct when its
 * sentence is labelled with sources and the extracted sources are exactly those (kind, name
 * ignoring case, year). The test prints a table per corpus, and asserts the targets for cited
 * claims (precision and recall at least 0.9) plus a sanity floor for all claims (precision and
 * recall at least {@value #ALL_CLAIMS_FLOOR}); the per-field accuracies are reported, not asserted.
 * Set {@code -Dextraction.report=details} (or the environment variable {@code EXTRACTION_REPORT})
 * to also print every missed, spurious and mislabelled claim.
 */
class ExtractionQualityTest {

    private static final double CITED_TARGET = 0.9;
    private static final double ALL_CLAIMS_FLOOR = 0.7;

    record LabelledSource(String kind, String name, Integer year) {}

    record LabelledClaim(
            String sentence,
            String supplement,
            String outcome,
            List<String> otherOutcomes,
            String stance,
            boolean hedged,
            String attribution,
            List<LabelledSource> sources) {}

    record Rejected(String sentence, String reason) {}

    record LabelledArticle(
            String article,
            String resource,
            String corpus,
            String supplement,
            List<LabelledClaim> claims,
            List<Rejected> rejected) {}

    record Labels(String description, List<String> guidelines, List<LabelledArticle> articles) {}

    private static Labels labels;
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(Vocabulary.load());

    @BeforeAll
    static void readLabels() throws IOException {
        try (InputStream in = resource("extraction/labels.json")) {
            labels = new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Labels.class);
        }
    }

    @Test
    void seeds() {
        Score score = evaluate("seeds");
        assertTargets("seeds", score);
    }

    @Test
    void newArticles() {
        Score score = evaluate("new");
        assertTargets("new articles", score);
    }

    /**
     * An article written and labelled after the rules were frozen: reported, not asserted, so that it
     * keeps measuring how the rules carry over to text they were not developed on.
     */
    @Test
    void heldOutArticle() {
        evaluate("holdout");
    }

    // ---- The labelled corpus of issue 12 ---------------------------------------------------------

    /** Fixed in {@code extraction/corpus/README.md} before anything was measured on the corpus. */
    static final List<String> DEVELOPMENT = List.of(
            "a1-creatine",
            "a3-kratom",
            "a5-zinc",
            "b1-rhodiola",
            "b3-5-htp",
            "b5-elderberry",
            "c1-echinacea",
            "c3-milk-thistle",
            "c5-saw-palmetto",
            "d1-lions-mane",
            "d3-coenzyme-q10",
            "d5-cbd");

    static final List<String> FROZEN_TEST = List.of(
            "a2-caffeine",
            "a4-ginkgo",
            "a6-valerian",
            "b2-berberine",
            "b4-st-johns-wort",
            "b6-magnesium",
            "c2-l-theanine",
            "c4-melatonin",
            "c6-kava",
            "d2-black-cohosh",
            "d4-ashwagandha",
            "d6-iron");

    /**
     * Reports the development part (tuned on) and the frozen test part (only measured) of the corpus,
     * after checking that their labels cover every prose sentence exactly once. Only the development
     * part is held to floors, a little under what it reached, so a rule change that loses ground fails
     * here; the frozen part is reported, never asserted, so that no one tunes to it.
     */
    @Test
    void corpus() throws IOException {
        CorpusScore development = evaluateCorpus("corpus, development part (tuned on)", DEVELOPMENT, true);
        evaluateCorpus("corpus, frozen test part (measured only)", FROZEN_TEST, false);
        assertTrue(development.citedRecall() >= 0.95, "cited recall " + development.citedRecall());
        assertTrue(development.clean() >= 0.93, "clean " + development.clean());
        assertTrue(development.vagueRecall() >= 0.9, "vague recall " + development.vagueRecall());
        assertTrue(development.supplementAccuracy() >= 0.95, "supplement accuracy " + development.supplementAccuracy());
    }

    /** Both parts together are the 24 labelled articles, none in both. */
    @Test
    void corpusSplitCoversEveryLabelledArticleOnce() throws Exception {
        Path dir = Path.of(ExtractionQualityTest.class
                .getClassLoader()
                .getResource("extraction/corpus")
                .toURI());
        Set<String> labelled;
        try (var files = Files.list(dir)) {
            labelled = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".labels.json"))
                    .map(f -> f.replace(".labels.json", ""))
                    .collect(Collectors.toSet());
        }
        Set<String> split = new HashSet<>(DEVELOPMENT);
        split.addAll(FROZEN_TEST);
        assertEquals(DEVELOPMENT.size() + FROZEN_TEST.size(), split.size());
        assertEquals(labelled, split);
    }

    /** Details are printed for the development part only: reading the test part's misses would be tuning to it. */
    private static CorpusScore evaluateCorpus(String title, List<String> stems, boolean details) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        StringBuilder out =
                new StringBuilder("\n=== Claim extraction quality: " + title + " ===\n").append(CorpusScore.header());
        CorpusScore total = new CorpusScore();
        for (String stem : stems) {
            CorpusScore.Article article;
            try (InputStream in = resource("extraction/corpus/" + stem + ".labels.json")) {
                article = json.readValue(in, CorpusScore.Article.class);
            }
            ParsedArticle parsed;
            try (InputStream in = resource("extraction/corpus/" + stem + ".txt")) {
                parsed = SeedTextParser.parse(in.readAllBytes());
            }
            List<String> prose = prose(parsed);
            assertCovered(
                    stem,
                    prose,
                    article.claims().stream().map(CorpusScore.Claim::sentence).toList(),
                    article.rejected().stream()
                            .map(CorpusScore.Rejected::sentence)
                            .toList(),
                    details);
            String main =
                    EXTRACTOR.mainSupplement(article.title(), List.of(), prose).orElse(null);
            List<ExtractedClaim> extracted = new ArrayList<>();
            prose.forEach(paragraph -> extracted.addAll(EXTRACTOR.extract(paragraph, main)));
            CorpusScore score = CorpusScore.of(article, extracted);
            out.append(score.row(stem));
            total.add(score);
        }
        out.append(total.row("TOTAL")).append(CorpusScore.legend());
        if (details && "details".equals(System.getProperty("extraction.report", System.getenv("EXTRACTION_REPORT")))) {
            total.details.forEach(d -> out.append("  ").append(d).append('\n'));
        }
        System.out.print(out);
        return total;
    }

    /** A failure names the test part's sentences only by count, so that no one reads them while tuning. */
    private static void assertCovered(
            String article, List<String> prose, List<String> claims, List<String> rejected, boolean showSentences) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : prose) {
            Sentences.split(paragraph).forEach(span -> sentences.add(span.in(paragraph)));
        }
        List<String> labelled = new ArrayList<>(claims);
        labelled.addAll(rejected);
        Set<String> unlabelled = new HashSet<>(sentences);
        labelled.forEach(unlabelled::remove);
        Set<String> notSplit = new HashSet<>(labelled);
        sentences.forEach(notSplit::remove);
        assertTrue(
                unlabelled.isEmpty() && notSplit.isEmpty(),
                () -> article + ": " + unlabelled.size()
                        + " sentences the splitter finds are not labelled and " + notSplit.size()
                        + " labelled sentences are not found"
                        + (showSentences ? ": " + unlabelled + " / " + notSplit : ""));
        assertEquals(sentences.size(), labelled.size(), article + ": a sentence is labelled twice");
    }

    /** The labels cover every prose sentence of every article exactly once, so recall cannot hide behind gaps. */
    @Test
    void labelsCoverEveryProseSentence() {
        for (LabelledArticle article : labels.articles()) {
            List<String> sentences = new ArrayList<>();
            for (String paragraph : prose(parse(article))) {
                Sentences.split(paragraph).forEach(span -> sentences.add(span.in(paragraph)));
            }
            List<String> labelled = new ArrayList<>();
            article.claims().forEach(c -> labelled.add(c.sentence()));
            article.rejected().forEach(r -> labelled.add(r.sentence()));
            assertEquals(new HashSet<>(sentences), new HashSet<>(labelled), article.article());
            assertEquals(sentences.size(), labelled.size(), article.article() + ": a sentence is labelled twice");
        }
    }

    /** The written articles are valid seed text in the shape of the seeds: three sections, 5 to 9 KB. */
    @Test
    void writtenArticlesAreValidSeedText() throws IOException {
        List<LabelledArticle> written = labels.articles().stream()
                .filter(a -> !a.corpus().equals("seeds"))
                .toList();
        assertTrue(written.size() >= 3);
        boolean someRelated = false;
        boolean someAuthor = false;
        for (LabelledArticle article : written) {
            byte[] bytes;
            try (InputStream in = resource(article.resource())) {
                bytes = in.readAllBytes();
            }
            ParsedArticle parsed = SeedTextParser.parse(bytes);
            assertEquals(3, parsed.sections().size(), article.article());
            assertTrue(
                    bytes.length >= 5_000 && bytes.length <= 9_000, article.article() + ": " + bytes.length + " bytes");
            assertEquals(
                    Set.of(article.supplement()),
                    Set.copyOf(EXTRACTOR.mainSupplement(prose(parsed)).stream().toList()));
            someRelated |= parsed.related() != null;
            someAuthor |= parsed.authorBio() != null;
        }
        assertTrue(someRelated && someAuthor, "at least one new article has related resources and one an author");
    }

    // ---- Evaluation -----------------------------------------------------------------------------

    /** Counts for one article or a whole corpus. */
    static final class Score {
        int labelledCited;
        int extractedCited;
        int correctCited;
        int labelledClaims;
        int extractedClaims;
        int matchedClaims;
        int supplementRight;
        int outcomeRight;
        int outcomeListed;
        int stanceRight;
        int attributionRight;
        int hedgedRight;
        final List<String> details = new ArrayList<>();

        void add(Score other) {
            labelledCited += other.labelledCited;
            extractedCited += other.extractedCited;
            correctCited += other.correctCited;
            labelledClaims += other.labelledClaims;
            extractedClaims += other.extractedClaims;
            matchedClaims += other.matchedClaims;
            supplementRight += other.supplementRight;
            outcomeRight += other.outcomeRight;
            outcomeListed += other.outcomeListed;
            stanceRight += other.stanceRight;
            attributionRight += other.attributionRight;
            hedgedRight += other.hedgedRight;
            details.addAll(other.details);
        }

        double citedPrecision() {
            return ratio(correctCited, extractedCited);
        }

        double citedRecall() {
            return ratio(correctCited, labelledCited);
        }

        double claimPrecision() {
            return ratio(matchedClaims, extractedClaims);
        }

        double claimRecall() {
            return ratio(matchedClaims, labelledClaims);
        }
    }

    private static Score evaluate(String corpus) {
        List<LabelledArticle> articles = labels.articles().stream()
                .filter(a -> a.corpus().equals(corpus))
                .toList();
        assertTrue(!articles.isEmpty(), corpus);
        Map<String, Score> rows = new java.util.LinkedHashMap<>();
        Score total = new Score();
        for (LabelledArticle article : articles) {
            Score score = evaluate(article);
            rows.put(article.article(), score);
            total.add(score);
        }
        print(corpus, rows, total);
        return total;
    }

    private static Score evaluate(LabelledArticle article) {
        List<String> prose = prose(parse(article));
        String main = EXTRACTOR.mainSupplement(prose).orElse(null);
        List<ExtractedClaim> extracted = new ArrayList<>();
        for (String paragraph : prose) {
            extracted.addAll(EXTRACTOR.extract(paragraph, main));
        }
        Map<String, LabelledClaim> bySentence = new HashMap<>();
        article.claims().forEach(c -> bySentence.put(c.sentence(), c));
        Map<String, String> rejectedWhy = new HashMap<>();
        article.rejected().forEach(r -> rejectedWhy.put(r.sentence(), r.reason()));

        Score s = new Score();
        s.labelledClaims = article.claims().size();
        s.labelledCited = (int)
                article.claims().stream().filter(c -> !c.sources().isEmpty()).count();
        s.extractedClaims = extracted.size();
        String name = article.article();
        Set<String> found = new HashSet<>();
        for (ExtractedClaim claim : extracted) {
            found.add(claim.text());
            LabelledClaim label = bySentence.get(claim.text());
            boolean cited = !claim.citations().isEmpty();
            if (cited) {
                s.extractedCited++;
            }
            if (label == null) {
                s.details.add(name + "  SPURIOUS" + (cited ? " cited " + sources(claim) : "") + " [" + claim.outcome()
                        + "] (labelled: " + rejectedWhy.getOrDefault(claim.text(), "not a labelled sentence")
                        + ")\n      "
                        + claim.text());
                continue;
            }
            s.matchedClaims++;
            if (cited && sourcesMatch(label, claim)) {
                s.correctCited++;
            } else if (cited || !label.sources().isEmpty()) {
                s.details.add(name + "  CITATION labelled " + label.sources() + " extracted " + sources(claim)
                        + "\n      " + claim.text());
            }
            List<String> wrong = new ArrayList<>();
            if (label.supplement().equals(claim.supplement())) {
                s.supplementRight++;
            } else {
                wrong.add("supplement " + label.supplement() + "≠" + claim.supplement());
            }
            if (Objects.equals(label.outcome(), claim.outcome())) {
                s.outcomeRight++;
            } else {
                wrong.add("outcome " + label.outcome() + label.otherOutcomes() + "≠" + claim.outcome());
            }
            if (Objects.equals(label.outcome(), claim.outcome())
                    || label.otherOutcomes().contains(claim.outcome())) {
                s.outcomeListed++;
            }
            if (label.stance().equals(lower(claim.stance()))) {
                s.stanceRight++;
            } else {
                wrong.add("stance " + label.stance() + "≠" + lower(claim.stance()));
            }
            if (label.attribution().equals(lower(claim.attribution()))) {
                s.attributionRight++;
            } else {
                wrong.add("attribution " + label.attribution() + "≠" + lower(claim.attribution()));
            }
            if (label.hedged() == claim.hedged()) {
                s.hedgedRight++;
            } else {
                wrong.add("hedged " + label.hedged() + "≠" + claim.hedged());
            }
            if (!wrong.isEmpty()) {
                s.details.add(name + "  FIELDS " + String.join(", ", wrong) + "\n      " + claim.text());
            }
        }
        for (LabelledClaim label : article.claims()) {
            if (!found.contains(label.sentence())) {
                s.details.add(name + "  MISSED" + (label.sources().isEmpty() ? "" : " cited " + label.sources()) + " ["
                        + label.outcome() + "]\n      " + label.sentence());
            }
        }
        return s;
    }

    private static boolean sourcesMatch(LabelledClaim label, ExtractedClaim claim) {
        Set<String> expected = label.sources().stream()
                .map(source -> key(source.kind(), source.name(), source.year()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> actual = claim.citations().stream()
                .map(c -> key(lower(c.kind()), c.name(), c.year()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return expected.equals(actual)
                && label.sources().size() == claim.citations().size();
    }

    private static String key(String kind, String name, Integer year) {
        return kind + "|" + name.toLowerCase(Locale.ROOT) + "|" + year;
    }

    private static String sources(ExtractedClaim claim) {
        return claim.citations().stream()
                .map(c -> lower(c.kind()) + ":" + c.name() + ":" + c.year())
                .toList()
                .toString();
    }

    private static void assertTargets(String corpus, Score s) {
        assertTrue(
                s.citedPrecision() >= CITED_TARGET,
                () -> corpus + ": cited-claim precision " + format(s.citedPrecision()) + " < " + CITED_TARGET);
        assertTrue(
                s.citedRecall() >= CITED_TARGET,
                () -> corpus + ": cited-claim recall " + format(s.citedRecall()) + " < " + CITED_TARGET);
        assertTrue(
                s.claimPrecision() >= ALL_CLAIMS_FLOOR,
                () -> corpus + ": claim precision " + format(s.claimPrecision()) + " below the sanity floor");
        assertTrue(
                s.claimRecall() >= ALL_CLAIMS_FLOOR,
                () -> corpus + ": claim recall " + format(s.claimRecall()) + " below the sanity floor");
    }

    // ---- Report ---------------------------------------------------------------------------------

    private static void print(String corpus, Map<String, Score> rows, Score total) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Claim extraction quality: ")
                .append(Map.of("new", "new articles", "holdout", "held-out article (not tuned on)")
                        .getOrDefault(corpus, corpus))
                .append(" ===\n");
        out.append(String.format(
                Locale.ROOT,
                "%-26s | %-28s | %-28s | %s%n",
                "",
                "cited claims",
                "all claims",
                "accuracy among matched claims"));
        out.append(String.format(
                Locale.ROOT,
                "%-26s | %4s %4s %4s %5s %5s | %4s %4s %4s %5s %5s | %5s %5s %5s %5s %5s %5s%n",
                "article",
                "lab",
                "ext",
                "ok",
                "P",
                "R",
                "lab",
                "ext",
                "ok",
                "P",
                "R",
                "supp",
                "outc",
                "outc*",
                "stnc",
                "attr",
                "hedge"));
        rows.forEach((name, s) -> out.append(row(name, s)));
        out.append(row("TOTAL", total));
        out.append("lab = labelled, ext = extracted, ok = correct; outc = the labelled outcome, "
                + "outc* = the labelled outcome or one of the other outcomes the sentence also asserts\n");
        String mode = System.getProperty("extraction.report", System.getenv("EXTRACTION_REPORT"));
        if ("details".equals(mode)) {
            total.details.forEach(d -> out.append("  ").append(d).append('\n'));
        }
        System.out.print(out);
    }

    private static String row(String name, Score s) {
        int m = s.matchedClaims;
        return String.format(
                Locale.ROOT,
                "%-26s | %4d %4d %4d %5s %5s | %4d %4d %4d %5s %5s | %5s %5s %5s %5s %5s %5s%n",
                name.length() > 26 ? name.substring(0, 26) : name,
                s.labelledCited,
                s.extractedCited,
                s.correctCited,
                format(s.citedPrecision()),
                format(s.citedRecall()),
                s.labelledClaims,
                s.extractedClaims,
                s.matchedClaims,
                format(s.claimPrecision()),
                format(s.claimRecall()),
                format(ratio(s.supplementRight, m)),
                format(ratio(s.outcomeRight, m)),
                format(ratio(s.outcomeListed, m)),
                format(ratio(s.stanceRight, m)),
                format(ratio(s.attributionRight, m)),
                format(ratio(s.hedgedRight, m)));
    }

    // ---- Articles -------------------------------------------------------------------------------

    private static ParsedArticle parse(LabelledArticle article) {
        try (InputStream in = resource(article.resource())) {
            return SeedTextParser.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prose claims are extracted from: summary, introduction, section paragraphs, conclusion. */
    static List<String> prose(ParsedArticle article) {
        List<String> prose = new ArrayList<>();
        prose.add(article.summary());
        prose.add(article.introduction());
        article.sections().forEach(section -> prose.addAll(section.paragraphs()));
        prose.add(article.conclusion());
        return prose;
    }

    private static InputStream resource(String path) {
        InputStream in = ExtractionQualityTest.class.getClassLoader().getResourceAsStream(path);
        assertNotNull(in, path + " is not on the test classpath");
        return in;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
