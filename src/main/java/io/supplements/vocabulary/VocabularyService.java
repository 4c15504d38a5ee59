package io.supplements.vocabulary;

import io.supplements.claim.extraction.ClaimExtractor;
import io.supplements.claim.extraction.Vocabulary;
import io.supplements.common.ProblemException;
import io.supplements.vocabulary.api.NewTerm;
import io.supplements.vocabulary.api.NewTerm.TermKind;
import io.supplements.vocabulary.api.VocabularyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vocabulary claims are normalised through: the bundled {@code vocabulary.json} plus the terms
 * editors added (table vocabulary_term). The extractor is rebuilt whenever the stored terms change,
 * which every writer checks with one small query, so all instances on one database agree.
 */
@ApplicationScoped
public class VocabularyService {
    private record Snapshot(long stamp, VocabularyView view, ClaimExtractor extractor) {}

    private final EntityManager em;
    private final VocabularyView bundled;
    private final Clock clock;
    private volatile Snapshot snapshot;

    VocabularyService(EntityManager em, Clock clock) {
        this.clock = clock;
        this.em = em;
        Vocabulary bundled = Vocabulary.load();
        this.bundled = new VocabularyView(bundled.supplements(), bundled.outcomes());
    }

    /** The extractor for the current vocabulary; call inside a transaction. */
    public ClaimExtractor extractor() {
        return current().extractor();
    }

    @Transactional
    public VocabularyView view() {
        return current().view();
    }

    @Transactional
    public VocabularyView add(NewTerm t) {
        // Compared as the extractor compares terms: "st. john’s wort" and "St. John's  Wort" are one term.
        String term = Vocabulary.key(t.term());
        VocabularyView now = current().view();
        for (Map<String, List<String>> terms : List.of(now.supplements(), now.outcomes())) {
            terms.forEach((slug, names) -> {
                if (names.stream().map(Vocabulary::key).anyMatch(term::equals)) {
                    throw ProblemException.conflict("'" + term + "' already names '" + slug + "'.");
                }
            });
        }
        VocabularyTerm row = new VocabularyTerm();
        row.kind = t.kind().name();
        row.slug = t.slug();
        row.term = term;
        row.createdAt = clock.instant();
        em.persist(row);
        em.flush();
        return current().view();
    }

    private Snapshot current() {
        Object[] stamp = em.createQuery("select count(t), coalesce(max(t.id), 0) from VocabularyTerm t", Object[].class)
                .getSingleResult();
        long key = ((Number) stamp[0]).longValue() * 1_000_003L + ((Number) stamp[1]).longValue();
        Snapshot s = snapshot;
        if (s == null || s.stamp() != key) {
            s = build(key);
            snapshot = s;
        }
        return s;
    }

    private Snapshot build(long stamp) {
        Map<String, List<String>> supplements = copy(bundled.supplements());
        Map<String, List<String>> outcomes = copy(bundled.outcomes());
        for (VocabularyTerm t : em.createQuery("from VocabularyTerm t order by t.id", VocabularyTerm.class)
                .getResultList()) {
            (TermKind.valueOf(t.kind) == TermKind.supplement ? supplements : outcomes)
                    .computeIfAbsent(t.slug, k -> new ArrayList<>())
                    .add(t.term);
        }
        VocabularyView view = new VocabularyView(supplements, outcomes);
        return new Snapshot(stamp, view, new ClaimExtractor(Vocabulary.of(supplements, outcomes)));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> terms) {
        Map<String, List<String>> copy = new TreeMap<>();
        terms.forEach((slug, names) -> copy.put(slug, new ArrayList<>(names)));
        return copy;
    }
}
