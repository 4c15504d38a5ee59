package io.supplements.claim.extraction;

import io.supplements.claim.extraction.Clauses.Clause;
import io.supplements.claim.extraction.Vocabulary.Mention;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds claims in article prose: sentences that assert, deny or leave open an effect, risk,
 * mechanism or property of a supplement ("Kratom may cause hair loss in some individuals", "Its
 * active compounds interact with opioid receptors", "kratom is generally considered non-addictive
 * at recommended dosages").
 *
 * <p>A sentence is a claim when
 * <ol>
 *   <li>it is about a supplement: it names one from the {@link Vocabulary}, or refers back to one
 *       ("it", "its", "this herb", "these alkaloids"), or, in an article about one supplement, talks
 *       about taking something ("long-term use", "higher doses", "some users report") without naming
 *       another substance; and</li>
 *   <li>an asserting clause of it names an outcome from the vocabulary ("hair loss", "opioid
 *       receptors", "well-tolerated") or an unnamed effect ("exerts its effects"). Clauses that give
 *       advice ("consult a healthcare professional"), talk about the article ("This article delves
 *       into ...") or give background ("has gained attention as ...", "is not approved") do not
 *       count; see {@link Clauses}.</li>
 * </ol>
 * The claim's outcome is the first outcome its asserting clauses name, or the first one they deny
 * ("non-addictive", "found no evidence of ... hair loss", "without the addictive properties"), in
 * which case the stance is {@link Stance#denies}. A claim cites the sources {@link Citations}
 * finds; without any, it is {@link Attribution#vague} when it appeals to unnamed evidence ("studies
 * suggest", "some users report") and {@link Attribution#none} otherwise.
 *
 * <p>All offsets are UTF-16 code unit indices into the paragraph (see {@link Sentences}). Instances
 * are immutable and safe to share between threads.
 */
public final class ClaimExtractor {

    /**
     * The version of the rules in this package's code. Raise it with any change to them that can change
     * what is extracted; the data they read (terms, journals, organisations) is in {@link #fingerprint}
     * already. Articles extracted with another fingerprint are re-extracted in the background.
     */
    public static final int RULES_VERSION = 2;

    private final Vocabulary vocabulary;
    private final String fingerprint;

    public ClaimExtractor(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.fingerprint = fingerprintOf(vocabulary);
    }

    /**
     * What this extractor's output depends on, as one short string: the rules' version and a hash of
     * every term, journal title and organisation name it reads. Two extractors with the same fingerprint
     * extract the same claims from the same text.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprintOf(Vocabulary vocabulary) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : List.of(
                    vocabulary.supplements(),
                    vocabulary.outcomes(),
                    CitationData.journals(),
                    CitationData.organizations())) {
                sha.update(part.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "r" + RULES_VERSION + "-"
                    + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The vocabulary this extractor reads with. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The claims in {@code paragraph} of an article whose main supplement is unknown. */
    public List<ExtractedClaim> extract(String paragraph) {
        return extract(paragraph, null);
    }

    /**
     * The claims in {@code paragraph}, one per claim sentence, in order.
     *
     * <p>A claim's supplement is the one its sentence names first. A sentence that names none but
     * refers back ("It acts as an agonist at opioid receptors") is about the supplement the nearest
     * earlier sentence of the paragraph names, or else about {@code articleSupplement}; a sentence
     * that only implies intake ("Some users report vivid dreams, especially at higher doses") is
     * about {@code articleSupplement}. Without any of these a sentence is not a claim.
     *
     * @param articleSupplement the slug of the supplement the article is about (see
     *                          {@link #mainSupplement}), or null when unknown
     */
    public List<ExtractedClaim> extract(String paragraph, String articleSupplement) {
        List<ExtractedClaim> claims = new ArrayList<>();
        String previousSupplement = null;
        for (Sentences.Span span : Sentences.split(paragraph)) {
            String sentence = span.in(paragraph);
            List<CitedSource> citations = Citations.in(sentence, span.start());
            String content = withoutCitations(sentence, span.start(), citations);
            Optional<String> named = vocabulary.supplementMentions(content).stream()
                    .filter(m -> !Cues.measuredInTheBody(content, m.start(), m.end()))
                    .findFirst()
                    .map(Mention::slug);
            String supplement = named.orElse(null);
            boolean refersBack = Cues.refersBack(content);
            boolean vague = Cues.appealsToUnnamedSources(content);
            if (supplement == null && refersBack) {
                supplement = previousSupplement != null ? previousSupplement : articleSupplement;
            }
            // A study cited or vaguely appealed to in an article about one supplement is about it ("Long-term
            // studies have found no harm to the kidneys (Poortmans et al., 1999)"); a body quoted on something
            // else is not ("According to the CDC, a third of adults sleep too little").
            boolean studyCited = citations.stream().anyMatch(c -> c.kind() != SourceKind.organization);
            if (supplement == null && (Cues.impliesIntake(content) || studyCited || vague)) {
                supplement = articleSupplement;
            }
            if (supplement != null) {
                read(sentence, span, content, supplement, named.isPresent() || refersBack, vague, citations)
                        .ifPresent(claims::add);
            }
            previousSupplement = named.orElse(previousSupplement);
        }
        return List.copyOf(claims);
    }

    /**
     * The supplement an article is about: the first one its title names, else a topic that is a
     * supplement's slug, else the one its summary (the first paragraph) names most often, else the
     * one all its paragraphs name most often; empty when none names one.
     *
     * @param title  the article's title, or null
     * @param topics the article's topic slugs
     */
    public Optional<String> mainSupplement(String title, Collection<String> topics, List<String> paragraphs) {
        if (title != null) {
            Optional<String> named = vocabulary.supplementIn(title);
            if (named.isPresent()) {
                return named;
            }
        }
        for (String topic : topics) {
            if (vocabulary.supplements().containsKey(topic)) {
                return Optional.of(topic);
            }
        }
        if (!paragraphs.isEmpty()) {
            Optional<String> summary = mainSupplement(paragraphs.subList(0, 1));
            if (summary.isPresent()) {
                return summary;
            }
        }
        return mainSupplement(paragraphs);
    }

    /**
     * The supplement a text is about: the one its paragraphs name most often (the first named
     * among equals), or empty when they name none.
     */
    public Optional<String> mainSupplement(List<String> paragraphs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String paragraph : paragraphs) {
            for (Mention mention : vocabulary.supplementMentions(paragraph)) {
                counts.merge(mention.slug(), 1, Integer::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > counts.get(best)) {
                best = entry.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The claim {@code sentence} makes about {@code supplement}, if it makes one.
     *
     * @param explicit whether the sentence names the supplement or refers back to it
     * @param vague    whether it appeals to unnamed evidence
     */
    private Optional<ExtractedClaim> read(
            String sentence,
            Sentences.Span span,
            String content,
            String supplement,
            boolean explicit,
            boolean vague,
            List<CitedSource> citations) {
        List<Clause> clauses = Clauses.of(content);
        String asserted = Clauses.assertedPart(content, clauses);
        List<Mention> outcomes = vocabulary.outcomeMentions(asserted);
        String effect = outcomes.isEmpty() ? Cues.effectPhrase(asserted) : null;
        // A cited or vaguely attributed statement is evidence a reader is shown even when no outcome of
        // the vocabulary names what it is about; it stays a claim, its outcome null.
        boolean evidence = (!citations.isEmpty() || vague) && !asserted.isBlank();
        // So is a sentence that names the supplement and what it acts on: "CBD reduces seizures",
        // "raises muscle phosphocreatine by 20 percent".
        // Not in a sentence that also gives background: "has gained popularity ..., offering ... to reduce discomfort".
        boolean acts = explicit
                && effect != null
                && clauses.stream()
                        .noneMatch(c -> c.kind() == Clauses.Kind.BACKGROUND || c.kind() == Clauses.Kind.META);
        if (outcomes.isEmpty() && !Cues.namesUnnamedEffect(asserted) && !evidence && !acts) {
            return Optional.empty();
        }

        Mention outcome = mainOutcome(asserted, clauses, outcomes);
        Stance stance = outcome == null ? stanceOf(asserted) : stanceOf(asserted, clauseOf(clauses, outcome), outcome);
        Attribution attribution =
                !citations.isEmpty() ? Attribution.cited : vague ? Attribution.vague : Attribution.none;
        return Optional.of(new ExtractedClaim(
                sentence,
                span.start(),
                span.end(),
                supplement,
                outcome == null ? null : outcome.slug(),
                outcome == null ? effect : sentence.substring(outcome.start(), outcome.end()),
                stance,
                Cues.hedges(Clauses.withoutAdvice(content, clauses)),
                attribution,
                citations));
    }

    /**
     * The outcome a claim is about: the first one its asserting clauses deny, else the first one
     * outside a leading subordinate clause ("While effective for arthritis, kratom usage may lead to
     * dependency" is about dependence), else the first one. An outcome followed by "such as",
     * "including", "like" or "is" and a single other outcome gives way to that more specific one:
     * "side effects, including hair loss" is about hair loss; "side effects such as nausea, sweating
     * and ..." stays about side effects.
     */
    private static Mention mainOutcome(String asserted, List<Clause> clauses, List<Mention> outcomes) {
        if (outcomes.isEmpty()) {
            return null;
        }
        for (Mention mention : outcomes) {
            if (denied(asserted, mention)) {
                return mention;
            }
        }
        Mention main = outcomes.stream()
                .filter(m -> !clauseOf(clauses, m).leading())
                .findFirst()
                .orElse(outcomes.get(0));
        int next = outcomes.indexOf(main) + 1;
        if (next < outcomes.size()
                && Cues.introducesOneExample(
                        asserted.substring(main.end(), outcomes.get(next).start()),
                        asserted.substring(outcomes.get(next).end()))) {
            return outcomes.get(next);
        }
        return main;
    }

    private static boolean denied(String text, Mention mention) {
        return mention.nonPrefixed()
                || Cues.negates(text.substring(0, mention.start()))
                || Cues.negatedAfter(text.substring(mention.end()));
    }

    private static Stance stanceOf(String asserted, Clause clause, Mention outcome) {
        if (denied(asserted, outcome)) {
            return Stance.denies;
        }
        String clauseText = asserted.substring(clause.start(), clause.end());
        if (Cues.reportsNothingFound(asserted.substring(clause.start(), outcome.start()))) {
            return Stance.denies;
        }
        boolean openHere = Cues.leavesOpen(clauseText) && !Cues.reportsFinding(clauseText);
        if (openHere || Cues.leavesOpen(asserted) && !Cues.reportsFinding(asserted)) {
            return Stance.uncertain;
        }
        return Stance.asserts;
    }

    /** The stance of a sentence that names no outcome: open questions only, or a finding. */
    private static Stance stanceOf(String asserted) {
        if (Cues.reportsNothingFound(asserted)) {
            return Stance.denies;
        }
        return Cues.leavesOpen(asserted) && !Cues.reportsFinding(asserted) ? Stance.uncertain : Stance.asserts;
    }

    private static Clause clauseOf(List<Clause> clauses, Mention mention) {
        for (Clause clause : clauses) {
            if (mention.start() >= clause.start() && mention.start() < clause.end()) {
                return clause;
            }
        }
        return clauses.get(clauses.size() - 1);
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
}
