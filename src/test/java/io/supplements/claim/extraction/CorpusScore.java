package io.supplements.claim.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores the extractor on one article of the labelled corpus ({@code extraction/corpus/}) with the
 * measures issue 12 sets targets for; scores of articles add up to a part's score.
 *
 * <ul>
 *   <li>cited recall: labelled cited claims extracted with exactly the labelled sources (kind, name
 *       ignoring case and a leading "the", year);</li>
 *   <li>clean: the share of vague claims and distractor sentences that got no citation at all (the
 *       issue's precision);</li>
 *   <li>vague recall: labelled vague claims extracted as vague;</li>
 *   <li>supplement: the share of labelled cited claims, among those extracted, with the labelled
 *       supplement;</li>
 *   <li>claim recall and precision over every labelled claim, matched by sentence.</li>
 * </ul>
 */
final class CorpusScore {

    record Source(
            String kind,
            String name,
            Integer year,
            Map<String, String> identifiers,
            String design,
            String population) {}

    record Claim(
            String sentence,
            String supplement,
            String outcome,
            String outcomeText,
            List<String> otherOutcomes,
            String stance,
            boolean hedged,
            String attribution,
            List<Source> sources) {}

    record Rejected(String sentence, String reason, boolean distractor) {}

    record Article(String article, String title, String supplement, List<Claim> claims, List<Rejected> rejected) {}

    int labelledCited;
    int correctCited;
    int extractedCited;
    int noisySentences;
    int cleanNoisy;
    int labelledVague;
    int foundVague;
    int citedMatched;
    int citedSupplementRight;
    int citationsCompared;
    int designRight;
    int populationRight;
    int unnamedOutcomes;
    int outcomeTextKept;
    int labelledClaims;
    int extractedClaims;
    int matchedClaims;
    final List<String> details = new ArrayList<>();

    static CorpusScore of(Article article, List<ExtractedClaim> extracted) {
        CorpusScore s = new CorpusScore();
        Map<String, ExtractedClaim> bySentence = new HashMap<>();
        extracted.forEach(e -> bySentence.putIfAbsent(e.text(), e));
        Set<String> labelled = new HashSet<>();
        String name = article.article().replace(".txt", "");

        for (Claim label : article.claims()) {
            labelled.add(label.sentence());
            ExtractedClaim claim = bySentence.get(label.sentence());
            s.labelledClaims++;
            if (claim == null && label.sources().isEmpty()) {
                s.details.add(name + "  MISSED [" + label.outcome() + " / " + label.outcomeText() + "]\n      "
                        + label.sentence());
            }
            if (claim != null) {
                s.matchedClaims++;
                if (label.outcome() == null && label.outcomeText() != null) {
                    s.unnamedOutcomes++;
                    if (overlaps(label.outcomeText(), claim.outcomeText())) {
                        s.outcomeTextKept++;
                    } else {
                        s.details.add(name + "  OUTCOME TEXT \"" + label.outcomeText() + "\"≠\"" + claim.outcomeText()
                                + "\"\n      " + label.sentence());
                    }
                }
            }
            if (!label.sources().isEmpty()) {
                s.labelledCited++;
                if (claim == null) {
                    s.details.add(name + "  MISSED cited " + keys(label.sources()) + "\n      " + label.sentence());
                    continue;
                }
                s.citedMatched++;
                if (label.supplement().equals(claim.supplement())) {
                    s.citedSupplementRight++;
                } else {
                    s.details.add(name + "  SUPPLEMENT " + label.supplement() + "≠" + claim.supplement() + "\n      "
                            + label.sentence());
                }
                if (keys(label.sources()).equals(extractedKeys(claim))) {
                    s.correctCited++;
                    s.compareEvidence(name, label, claim);
                } else {
                    s.details.add(name + "  CITATION labelled " + keys(label.sources()) + " extracted "
                            + extractedKeys(claim) + "\n      " + label.sentence());
                }
            }
            if (label.attribution().equals("vague")) {
                s.labelledVague++;
                s.noisySentences++;
                if (claim != null && claim.attribution() == Attribution.vague) {
                    s.foundVague++;
                } else {
                    s.details.add(
                            name + "  VAGUE extracted as " + (claim == null ? "no claim" : lower(claim.attribution()))
                                    + "\n      " + label.sentence());
                }
                if (claim == null || claim.citations().isEmpty()) {
                    s.cleanNoisy++;
                }
            }
        }
        for (Rejected rejected : article.rejected()) {
            if (rejected.distractor()) {
                s.noisySentences++;
                ExtractedClaim claim = bySentence.get(rejected.sentence());
                if (claim == null || claim.citations().isEmpty()) {
                    s.cleanNoisy++;
                } else {
                    s.details.add(
                            name + "  DISTRACTOR cited " + extractedKeys(claim) + "\n      " + rejected.sentence());
                }
            }
        }
        for (ExtractedClaim claim : extracted) {
            s.extractedClaims++;
            if (!claim.citations().isEmpty()) {
                s.extractedCited++;
            }
            if (!labelled.contains(claim.text())) {
                s.details.add(
                        name + "  SPURIOUS " + (claim.citations().isEmpty() ? "" : "cited " + extractedKeys(claim))
                                + "\n      " + claim.text());
            }
        }
        return s;
    }

    /** Design and population of each correctly found citation, paired with its label by kind and name. */
    private void compareEvidence(String name, Claim label, ExtractedClaim claim) {
        for (Source source : label.sources()) {
            for (CitedSource cited : claim.citations()) {
                if (key(lower(cited.kind()), cited.name(), cited.year())
                        .equals(key(source.kind(), source.name(), source.year()))) {
                    citationsCompared++;
                    String population = cited.population() == null
                            ? null
                            : cited.population().wire();
                    if (cited.design().wire().equals(source.design())) {
                        designRight++;
                    } else {
                        details.add(name + "  DESIGN " + source.design() + "≠"
                                + cited.design().wire() + "\n      " + label.sentence());
                    }
                    if (Objects.equals(population, source.population())) {
                        populationRight++;
                    } else {
                        details.add(name + "  POPULATION " + source.population() + "≠" + population + "\n      "
                                + label.sentence());
                    }
                }
            }
        }
    }

    /** The phrases share a word of four letters or more: "muscle creatine content" and "muscle creatine". */
    private static boolean overlaps(String labelled, String extracted) {
        if (extracted == null) {
            return false;
        }
        Set<String> words =
                new HashSet<>(List.of(labelled.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        for (String word : extracted.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 4 && words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    void add(CorpusScore other) {
        labelledCited += other.labelledCited;
        correctCited += other.correctCited;
        extractedCited += other.extractedCited;
        noisySentences += other.noisySentences;
        cleanNoisy += other.cleanNoisy;
        labelledVague += other.labelledVague;
        foundVague += other.foundVague;
        citedMatched += other.citedMatched;
        citedSupplementRight += other.citedSupplementRight;
        citationsCompared += other.citationsCompared;
        designRight += other.designRight;
        populationRight += other.populationRight;
        unnamedOutcomes += other.unnamedOutcomes;
        outcomeTextKept += other.outcomeTextKept;
        labelledClaims += other.labelledClaims;
        extractedClaims += other.extractedClaims;
        matchedClaims += other.matchedClaims;
        details.addAll(other.details);
    }

    double citedRecall() {
        return ratio(correctCited, labelledCited);
    }

    double citedPrecision() {
        return ratio(correctCited, extractedCited);
    }

    double clean() {
        return ratio(cleanNoisy, noisySentences);
    }

    double vagueRecall() {
        return ratio(foundVague, labelledVague);
    }

    double supplementAccuracy() {
        return ratio(citedSupplementRight, citedMatched);
    }

    double designAccuracy() {
        return ratio(designRight, citationsCompared);
    }

    double populationAccuracy() {
        return ratio(populationRight, citationsCompared);
    }

    double outcomeTextKept() {
        return ratio(outcomeTextKept, unnamedOutcomes);
    }

    double claimRecall() {
        return ratio(matchedClaims, labelledClaims);
    }

    double claimPrecision() {
        return ratio(matchedClaims, extractedClaims);
    }

    static String header() {
        return String.format(
                Locale.ROOT,
                "%-22s | %4s %4s %5s %5s | %5s %5s %5s | %5s %5s | %4s %4s %5s %5s %5s%n",
                "article",
                "cit",
                "ok",
                "R",
                "P",
                "clean",
                "vague",
                "supp",
                "dsgn",
                "popl",
                "lab",
                "ext",
                "R",
                "P",
                "otxt");
    }

    String row(String name) {
        return String.format(
                Locale.ROOT,
                "%-22s | %4d %4d %5s %5s | %5s %5s %5s | %5s %5s | %4d %4d %5s %5s %5s%n",
                name.length() > 22 ? name.substring(0, 22) : name,
                labelledCited,
                correctCited,
                format(citedRecall()),
                format(citedPrecision()),
                format(clean()),
                format(vagueRecall()),
                format(supplementAccuracy()),
                format(designAccuracy()),
                format(populationAccuracy()),
                labelledClaims,
                extractedClaims,
                format(claimRecall()),
                format(claimPrecision()),
                format(outcomeTextKept()));
    }

    static String legend() {
        return "cit = labelled cited claims, ok = extracted with exactly the labelled sources and years, R/P = their recall and "
                + "precision; clean = vague and distractor sentences given no citation; vague = vague claims found as vague; "
                + "supp = cited claims with the right supplement; dsgn/popl = study design and population of the citations found right; "
                + "lab/ext/R/P = all claims, matched by sentence; "
                + "otxt = claims without a vocabulary outcome whose outcomeText shares a word with the labelled phrase\n";
    }

    private static Set<String> keys(List<Source> sources) {
        Set<String> keys = new TreeSet<>();
        sources.forEach(source -> keys.add(key(source.kind(), source.name(), source.year())));
        return keys;
    }

    private static Set<String> extractedKeys(ExtractedClaim claim) {
        Set<String> keys = new TreeSet<>();
        claim.citations().forEach(c -> keys.add(key(lower(c.kind()), c.name(), c.year())));
        return keys;
    }

    private static String key(String kind, String name, Integer year) {
        String normalised = Objects.requireNonNull(name)
                .strip()
                .replaceAll("\\s+", " ")
                .replace('\u2019', '\'')
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^the ", "");
        return kind + ":" + normalised + ":" + year;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
