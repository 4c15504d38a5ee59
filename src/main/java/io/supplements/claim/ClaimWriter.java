package io.supplements.claim;

import io.supplements.article.Article;
import io.supplements.claim.extraction.CitedSource;
import io.supplements.claim.extraction.ClaimExtractor;
import io.supplements.claim.extraction.ExtractedClaim;
import io.supplements.source.SourceCatalog;
import io.supplements.source.SourceKind;
import io.supplements.vocabulary.VocabularyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes an article's claims from its prose, in the caller's transaction. A rewrite keeps the id of
 * every claim whose sentence is unchanged, so clients' references survive edits; a claim an editor
 * created or corrected keeps the editor's judgement and citations while its sentence still stands.
 */
@ApplicationScoped
public class ClaimWriter {
    private static final int MAX_SOURCE_NAME = 300;
    private static final int MAX_CITED_TEXT = 1000;

    private final EntityManager em;
    private final SourceCatalog sources;
    private final VocabularyService vocabulary;

    ClaimWriter(EntityManager em, SourceCatalog sources, VocabularyService vocabulary) {
        this.em = em;
        this.sources = sources;
        this.vocabulary = vocabulary;
    }

    public void write(Article article, List<Prose> prose) {
        List<Claim> old = article.id == null ? List.of()
                : em.createQuery("from Claim c where c.article = ?1 order by c.position, c.id", Claim.class)
                        .setParameter(1, article).getResultList();
        Map<String, Deque<Claim>> oldByText = new HashMap<>();
        old.forEach(c -> oldByText.computeIfAbsent(c.text, k -> new ArrayDeque<>()).add(c));

        ClaimExtractor extractor = vocabulary.extractor();
        article.extractedWith = extractor.fingerprint();
        Set<String> rejected = article.id == null ? Set.of() : new HashSet<>(em.createQuery(
                "select r.text from RejectedClaim r where r.article = ?1", String.class).setParameter(1, article).getResultList());
        String mainSupplement = extractor.mainSupplement(article.title, article.topics.stream().map(t -> t.slug).toList(),
                prose.stream().map(Prose::text).toList()).orElse(null);
        Map<Claim, Integer> kept = new IdentityHashMap<>();
        List<Claim> rejudged = new ArrayList<>();
        Map<Claim, ExtractedClaim> fresh = new LinkedHashMap<>();
        for (int i = 0; i < prose.size(); i++) {
            Prose p = prose.get(i);
            for (ExtractedClaim e : extractor.extract(p.text(), mainSupplement)) {
                if (rejected.contains(e.text()) || e.citations().stream().anyMatch(
                        c -> c.name().length() > MAX_SOURCE_NAME || c.citedText().length() > MAX_CITED_TEXT)) {
                    continue; // an editor removed it, or a "journal title" this long is a misreading, not a source
                }
                Deque<Claim> sameText = oldByText.get(e.text());
                Claim claim = sameText == null || sameText.isEmpty() ? new Claim() : sameText.poll();
                shiftCitations(claim, e.start());
                place(claim, article, p, e.start(), e.end(), e.text());
                if (claim.id == null || !claim.edited) {
                    judge(claim, e);
                    fresh.put(claim, e);
                    if (claim.id != null) {
                        rejudged.add(claim);
                    }
                }
                kept.put(claim, i);
            }
        }
        // An editor's claim that extraction does not yield stays wherever its sentence still stands.
        for (Claim claim : old) {
            if (claim.edited && !kept.containsKey(claim)) {
                for (int i = 0; i < prose.size() && !kept.containsKey(claim); i++) {
                    int start = prose.get(i).text().indexOf(claim.text);
                    if (start >= 0) {
                        shiftCitations(claim, start);
                        place(claim, article, prose.get(i), start, start + claim.text.length(), claim.text);
                        kept.put(claim, i);
                    }
                }
            }
        }

        List<Long> gone = old.stream().filter(c -> !kept.containsKey(c)).map(c -> c.id).toList();
        deleteCitationsOf(rejudged.stream().map(c -> c.id).toList());
        if (!gone.isEmpty()) {
            em.createQuery("delete from Claim c where c.id in ?1").setParameter(1, gone).executeUpdate();
        }
        List<Claim> ordered = new ArrayList<>(kept.keySet());
        ordered.sort(Comparator.comparing((Claim c) -> kept.get(c)).thenComparingInt(c -> c.startOffset));
        for (int i = 0; i < ordered.size(); i++) {
            Claim claim = ordered.get(i);
            claim.position = i;
            if (claim.id == null) {
                em.persist(claim);
            }
        }
        fresh.forEach(this::cite);
    }

    /** The fingerprint of the extractor {@link #write} uses now (see {@link ClaimExtractor#fingerprint}). */
    public String fingerprint() {
        return vocabulary.extractor().fingerprint();
    }

    /**
     * Whether {@link #write} would change what the article's claims say: a claim found or lost, or a
     * judgement, offset or citation of a claim no editor touched. Re-extraction rewrites only the
     * articles for which this is true, so the others keep their versions and citation ids.
     */
    public boolean wouldChange(Article article, List<Prose> prose) {
        List<Claim> old = em.createQuery("from Claim c where c.article = ?1 order by c.position, c.id", Claim.class)
                .setParameter(1, article).getResultList();
        Set<String> kept = new HashSet<>(em.createQuery("select r.text from RejectedClaim r where r.article = ?1", String.class)
                .setParameter(1, article).getResultList());
        old.stream().filter(c -> c.edited).forEach(c -> kept.add(c.text));
        Map<Long, List<Citation>> citations = new HashMap<>();
        if (!old.isEmpty()) {
            em.createQuery("from Citation ci join fetch ci.source where ci.claim in ?1 order by ci.position", Citation.class)
                    .setParameter(1, old).getResultList().forEach(ci -> citations.computeIfAbsent(ci.claim.id, k -> new ArrayList<>()).add(ci));
        }
        List<String> before = new ArrayList<>();
        for (Claim c : old) {
            if (!c.edited) {
                before.add(signature(c.location, c.sectionAnchor, c.paragraph, c.startOffset, c.text, c.supplement, c.outcome,
                        c.outcomeText, c.stance.name(), c.hedged, c.attribution.name(), citations.getOrDefault(c.id, List.of()).stream()
                                .map(ci -> citation(SourceCatalog.keyOf(ci.source.kind, ci.source.name, ci.source.year, null), ci.citedText,
                                        ci.startOffset, ci.design, ci.population, List.of(String.valueOf(ci.doi), String.valueOf(ci.pmid),
                                                String.valueOf(ci.pmcid), String.valueOf(ci.nct), String.valueOf(ci.url)))).toList()));
            }
        }
        ClaimExtractor extractor = vocabulary.extractor();
        String mainSupplement = extractor.mainSupplement(article.title, article.topics.stream().map(t -> t.slug).toList(),
                prose.stream().map(Prose::text).toList()).orElse(null);
        List<String> after = new ArrayList<>();
        for (Prose p : prose) {
            for (ExtractedClaim e : extractor.extract(p.text(), mainSupplement)) {
                if (kept.contains(e.text()) || e.citations().stream().anyMatch(
                        c -> c.name().length() > MAX_SOURCE_NAME || c.citedText().length() > MAX_CITED_TEXT)) {
                    continue;
                }
                Claim judged = new Claim();
                judge(judged, e);
                after.add(signature(p.location(), p.sectionAnchor(), p.paragraph(), e.start(), e.text(), judged.supplement, judged.outcome,
                        judged.outcomeText, judged.stance.name(), judged.hedged, judged.attribution.name(), e.citations().stream()
                                .map(c -> citation(SourceCatalog.keyOf(SourceKind.valueOf(c.kind().name().toLowerCase(Locale.ROOT)),
                                        c.name(), c.year(), null), c.citedText(), c.start(), c.design().wire(),
                                        c.population() == null ? null : c.population().wire(), List.of(String.valueOf(identifier(c, "doi", 300)),
                                                String.valueOf(identifier(c, "pmid", 16)), String.valueOf(identifier(c, "pmcid", 16)),
                                                String.valueOf(identifier(c, "nct", 16)), String.valueOf(identifier(c, "url", 2000))))).toList()));
            }
        }
        return !before.equals(after);
    }

    private static String identifier(CitedSource c, String kind, int maxLength) {
        String value = c.identifiers().get(kind);
        return value == null || value.length() > maxLength ? null : value;
    }

    private static String signature(ClaimLocation location, String anchor, int paragraph, int start, String text, String supplement,
            String outcome, String outcomeText, String stance, boolean hedged, String attribution, List<String> citations) {
        return String.join("|", location.name(), String.valueOf(anchor), String.valueOf(paragraph), String.valueOf(start), text,
                supplement, String.valueOf(outcome), String.valueOf(outcomeText), stance, String.valueOf(hedged), attribution,
                citations.toString());
    }

    private static String citation(String sourceKey, String citedText, int start, String design, String population,
            List<String> identifiers) {
        return sourceKey + "|" + citedText + "|" + start + "|" + design + "|" + population + "|" + identifiers;
    }

    /** Numbers the article's claims in reading order again, after an editor added one. */
    public void renumber(Article article) {
        Map<String, Integer> sectionOrder = new HashMap<>();
        em.createQuery("select s.anchor, s.position from Section s where s.article = ?1", Object[].class)
                .setParameter(1, article).getResultList()
                .forEach(row -> sectionOrder.put((String) row[0], (Integer) row[1]));
        List<Claim> claims = em.createQuery("from Claim c where c.article = ?1", Claim.class).setParameter(1, article).getResultList();
        claims.sort(Comparator.comparingInt((Claim c) -> switch (c.location) {
                    case summary -> -2;
                    case introduction -> -1;
                    case section -> sectionOrder.getOrDefault(c.sectionAnchor, 0);
                    case conclusion -> Integer.MAX_VALUE;
                })
                .thenComparingInt(c -> c.paragraph)
                .thenComparingInt(c -> c.startOffset));
        for (int i = 0; i < claims.size(); i++) {
            claims.get(i).position = i;
        }
    }

    public void removeAll(Article article) {
        em.createQuery("delete from Claim c where c.article = ?1").setParameter(1, article).executeUpdate();
    }

    private static void place(Claim claim, Article article, Prose p, int start, int end, String text) {
        claim.article = article;
        claim.location = p.location();
        claim.sectionAnchor = p.sectionAnchor();
        claim.paragraph = p.paragraph();
        claim.startOffset = start;
        claim.endOffset = end;
        claim.text = text;
    }

    private static void judge(Claim claim, ExtractedClaim e) {
        claim.supplement = e.supplement();
        claim.outcome = e.outcome();
        claim.outcomeText = e.outcomeText() == null || e.outcomeText().length() > 300 ? null : e.outcomeText();
        claim.stance = Stance.valueOf(e.stance().name().toLowerCase(Locale.ROOT));
        claim.hedged = e.hedged();
        claim.attribution = Attribution.valueOf(e.attribution().name().toLowerCase(Locale.ROOT));
    }

    /** An edited claim's citations move with its sentence when the sentence moves within its paragraph. */
    private void shiftCitations(Claim claim, int newStart) {
        if (claim.id == null || !claim.edited || claim.startOffset == newStart) {
            return;
        }
        em.createQuery("update Citation ci set ci.startOffset = ci.startOffset + ?1, ci.endOffset = ci.endOffset + ?1"
                + " where ci.claim = ?2").setParameter(1, newStart - claim.startOffset).setParameter(2, claim).executeUpdate();
    }

    private void deleteCitationsOf(List<Long> claimIds) {
        if (!claimIds.isEmpty()) {
            em.createQuery("delete from Citation ci where ci.claim.id in ?1").setParameter(1, claimIds).executeUpdate();
        }
    }

    private void cite(Claim claim, ExtractedClaim e) {
        List<CitedSource> cited = e.citations();
        for (int i = 0; i < cited.size(); i++) {
            CitedSource c = cited.get(i);
            Citation citation = new Citation();
            citation.claim = claim;
            citation.position = i;
            citation.source = sources.cited(SourceKind.valueOf(c.kind().name().toLowerCase(Locale.ROOT)), c.name(), c.year(),
                    c.identifiers());
            citation.citedText = c.citedText();
            citation.startOffset = c.start();
            citation.endOffset = c.end();
            citation.design = c.design().wire();
            citation.population = c.population() == null ? null : c.population().wire();
            citation.doi = identifier(c, "doi", 300);
            citation.pmid = identifier(c, "pmid", 16);
            citation.pmcid = identifier(c, "pmcid", 16);
            citation.nct = identifier(c, "nct", 16);
            citation.url = identifier(c, "url", 2000);
            em.persist(citation);
        }
    }
}
