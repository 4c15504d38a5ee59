package io.supplements.claim;

import io.supplements.article.Article;
import io.supplements.claim.extraction.CitedSource;
import io.supplements.claim.extraction.ClaimExtractor;
import io.supplements.claim.extraction.ExtractedClaim;
import io.supplements.source.SourceCatalog;
import io.supplements.vocabulary.VocabularyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Writes the claims extraction finds in the article's prose, keeping ids and editors' judgements as
     * {@link ClaimPlan} decides.
     */
    public void write(Article article, List<Prose> prose) {
        List<Claim> old = article.id == null ? List.of() : claimsOf(article);
        ClaimExtractor extractor = vocabulary.extractor();
        article.extractedWith = extractor.fingerprint();
        String mainSupplement = mainSupplement(extractor, article, prose);
        List<List<ExtractedClaim>> found = prose.stream()
                .map(p -> extractor.extract(p.text(), mainSupplement).stream()
                        .filter(e -> !misread(e))
                        .toList())
                .toList();
        Map<Long, Claim> byId = new HashMap<>();
        old.forEach(c -> byId.put(c.id, c));
        ClaimPlan.Plan plan = ClaimPlan.of(
                old.stream()
                        .map(c -> new ClaimPlan.Stored(c.id, c.text, c.edited, c.startOffset))
                        .toList(),
                found,
                prose.stream().map(Prose::text).toList(),
                article.id == null ? Set.of() : rejectedTextsOf(article));

        Map<Claim, ExtractedClaim> judged = new LinkedHashMap<>();
        List<Claim> placed = new ArrayList<>();
        for (ClaimPlan.Placement p : plan.placements()) {
            Claim claim = p.stored() == null ? new Claim() : byId.get(p.stored().id());
            if (p.shift() != 0) {
                shiftCitations(claim, p.shift());
            }
            place(claim, article, prose.get(p.prose()), p.start(), p.end(), p.text());
            if (p.judged()) {
                judge(claim, p.extracted());
                judged.put(claim, p.extracted());
            }
            placed.add(claim);
        }
        deleteCitationsOf(plan.rejudged());
        if (!plan.gone().isEmpty()) {
            em.createQuery("delete from Claim c where c.id in ?1")
                    .setParameter(1, plan.gone())
                    .executeUpdate();
        }
        for (int i = 0; i < placed.size(); i++) {
            Claim claim = placed.get(i);
            claim.position = i;
            if (claim.id == null) {
                em.persist(claim);
            }
        }
        judged.forEach(this::cite);
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
        List<Claim> old = claimsOf(article);
        Set<String> unextracted = rejectedTextsOf(article);
        old.stream().filter(c -> c.edited).forEach(c -> unextracted.add(c.text));
        Map<Long, List<Citation>> citations = new HashMap<>();
        if (!old.isEmpty()) {
            em.createQuery(
                            "from Citation ci join fetch ci.source where ci.claim in ?1 order by ci.position",
                            Citation.class)
                    .setParameter(1, old)
                    .getResultList()
                    .forEach(ci -> citations
                            .computeIfAbsent(ci.claim.id, k -> new ArrayList<>())
                            .add(ci));
        }
        List<String> before = new ArrayList<>();
        for (Claim c : old) {
            if (!c.edited) {
                List<Citation> cited = citations.getOrDefault(c.id, List.of());
                before.add(signature(
                        c,
                        cited,
                        cited.stream()
                                .map(ci -> SourceCatalog.keyOf(ci.source.kind, ci.source.name, ci.source.year, null))
                                .toList()));
            }
        }
        ClaimExtractor extractor = vocabulary.extractor();
        String mainSupplement = mainSupplement(extractor, article, prose);
        List<String> after = new ArrayList<>();
        for (Prose p : prose) {
            for (ExtractedClaim e : extractor.extract(p.text(), mainSupplement)) {
                if (!unextracted.contains(e.text()) && !misread(e)) {
                    Claim claim = new Claim();
                    place(claim, article, p, e.start(), e.end(), e.text());
                    judge(claim, e);
                    List<Citation> cited = new ArrayList<>();
                    for (int i = 0; i < e.citations().size(); i++) {
                        cited.add(citationOf(e.citations().get(i), i));
                    }
                    after.add(signature(
                            claim,
                            cited,
                            e.citations().stream()
                                    .map(c -> SourceCatalog.keyOf(c.kind(), c.name(), c.year(), null))
                                    .toList()));
                }
            }
        }
        return !before.equals(after);
    }

    /** What a claim and its citations say and where, with each citation's source by its identity. */
    private static String signature(Claim c, List<Citation> citations, List<String> sourceKeys) {
        StringBuilder s = new StringBuilder(String.join(
                "|",
                c.location.name(),
                String.valueOf(c.sectionAnchor),
                String.valueOf(c.paragraph),
                String.valueOf(c.startOffset),
                c.text,
                c.supplement,
                String.valueOf(c.outcome),
                String.valueOf(c.outcomeText),
                c.stance.name(),
                String.valueOf(c.hedged),
                c.attribution.name()));
        for (int i = 0; i < citations.size(); i++) {
            Citation ci = citations.get(i);
            s.append('|')
                    .append(String.join(
                            ";",
                            sourceKeys.get(i),
                            ci.citedText,
                            String.valueOf(ci.startOffset),
                            String.valueOf(ci.design),
                            String.valueOf(ci.population),
                            String.valueOf(ci.doi),
                            String.valueOf(ci.pmid),
                            String.valueOf(ci.pmcid),
                            String.valueOf(ci.nct),
                            String.valueOf(ci.url)));
        }
        return s.toString();
    }

    private List<Claim> claimsOf(Article article) {
        return em.createQuery("from Claim c where c.article = ?1 order by c.position, c.id", Claim.class)
                .setParameter(1, article)
                .getResultList();
    }

    private Set<String> rejectedTextsOf(Article article) {
        return new HashSet<>(em.createQuery("select r.text from RejectedClaim r where r.article = ?1", String.class)
                .setParameter(1, article)
                .getResultList());
    }

    private static String mainSupplement(ClaimExtractor extractor, Article article, List<Prose> prose) {
        return extractor
                .mainSupplement(
                        article.title,
                        article.topics.stream().map(t -> t.slug).toList(),
                        prose.stream().map(Prose::text).toList())
                .orElse(null);
    }

    /** A "journal title" or cited phrase this long is a misreading, not a source. */
    private static boolean misread(ExtractedClaim e) {
        return e.citations().stream()
                .anyMatch(c ->
                        c.name().length() > MAX_SOURCE_NAME || c.citedText().length() > MAX_CITED_TEXT);
    }

    /** Numbers the article's claims in reading order again, after an editor added one. */
    public void renumber(Article article) {
        Map<String, Integer> sectionOrder = new HashMap<>();
        em.createQuery("select s.anchor, s.position from Section s where s.article = ?1", Object[].class)
                .setParameter(1, article)
                .getResultList()
                .forEach(row -> sectionOrder.put((String) row[0], (Integer) row[1]));
        List<Claim> claims = em.createQuery("from Claim c where c.article = ?1", Claim.class)
                .setParameter(1, article)
                .getResultList();
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
        em.createQuery("delete from Claim c where c.article = ?1")
                .setParameter(1, article)
                .executeUpdate();
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
        claim.stance = e.stance();
        claim.hedged = e.hedged();
        claim.attribution = e.attribution();
    }

    /** An edited claim's citations move with its sentence when the sentence moves within its paragraph. */
    private void shiftCitations(Claim claim, int by) {
        em.createQuery("update Citation ci set ci.startOffset = ci.startOffset + ?1, ci.endOffset = ci.endOffset + ?1"
                        + " where ci.claim = ?2")
                .setParameter(1, by)
                .setParameter(2, claim)
                .executeUpdate();
    }

    private void deleteCitationsOf(List<Long> claimIds) {
        if (!claimIds.isEmpty()) {
            em.createQuery("delete from Citation ci where ci.claim.id in ?1")
                    .setParameter(1, claimIds)
                    .executeUpdate();
        }
    }

    private void cite(Claim claim, ExtractedClaim e) {
        List<CitedSource> cited = e.citations();
        for (int i = 0; i < cited.size(); i++) {
            CitedSource c = cited.get(i);
            Citation citation = citationOf(c, i);
            citation.claim = claim;
            citation.source = sources.cited(c.kind(), c.name(), c.year(), c.identifiers());
            em.persist(citation);
        }
    }

    /** The citation of {@code c}, without its claim and source. */
    private static Citation citationOf(CitedSource c, int position) {
        Citation citation = new Citation();
        citation.position = position;
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
        return citation;
    }

    /** Longer than its column: not an identifier the sentence really gives. */
    private static String identifier(CitedSource c, String kind, int maxLength) {
        String value = c.identifiers().get(kind);
        return value == null || value.length() > maxLength ? null : value;
    }
}
