package io.supplements.claim;

import io.supplements.article.Article;
import io.supplements.article.ArticleChanged;
import io.supplements.article.ArticleRepository;
import io.supplements.article.ArticleStatus;
import io.supplements.claim.api.ClaimDetail;
import io.supplements.claim.api.ClaimJudgement;
import io.supplements.claim.api.NewCitation;
import io.supplements.claim.api.NewClaim;
import io.supplements.claim.extraction.Attribution;
import io.supplements.common.ETags;
import io.supplements.common.Problem.FieldError;
import io.supplements.common.ProblemException;
import io.supplements.common.RecordsChanges;
import io.supplements.source.Source;
import io.supplements.vocabulary.VocabularyService;
import io.supplements.vocabulary.api.VocabularyView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Editors' corrections to what extraction found. Every change marks the claim as edited (a re-import
 * then keeps its judgement and citations) and counts as a change of its article: the article's
 * version goes up by one. The article's row is locked first, so edits and rewrites never interleave.
 */
@ApplicationScoped
public class ClaimEditor {
    private final EntityManager em;
    private final ArticleRepository articles;
    private final ClaimService claims;
    private final VocabularyService vocabulary;
    private final ClaimWriter claimWriter;
    private final Event<ArticleChanged> changed;
    private final ETags etags;
    private final Clock clock;

    ClaimEditor(
            EntityManager em,
            ArticleRepository articles,
            ClaimService claims,
            VocabularyService vocabulary,
            ClaimWriter claimWriter,
            Event<ArticleChanged> changed,
            ETags etags,
            Clock clock) {
        this.clock = clock;
        this.em = em;
        this.etags = etags;
        this.claimWriter = claimWriter;
        this.articles = articles;
        this.claims = claims;
        this.vocabulary = vocabulary;
        this.changed = changed;
    }

    @Transactional
    @RecordsChanges
    public ClaimDetail create(NewClaim body) {
        Article article = articles.findBySlugForUpdate(body.article())
                .orElseThrow(() ->
                        invalid(FieldError.atPointer("/article", "there is no article '" + body.article() + "'")));
        String anchor = body.location() == ClaimLocation.section ? body.sectionAnchor() : null;
        if (body.location() == ClaimLocation.section && anchor == null) {
            throw invalid(FieldError.atPointer("/sectionAnchor", "is required when location is section"));
        }
        String paragraph = articles.paragraph(article, body.location(), anchor, body.paragraph())
                .orElseThrow(() -> invalid(FieldError.atPointer("/paragraph", "the article has no such paragraph")));
        checkSpan(paragraph, body.start(), body.end(), "");
        List<NewCitation> citations = body.citations() == null ? List.of() : body.citations();
        for (int i = 0; i < citations.size(); i++) {
            checkSpan(paragraph, citations.get(i).start(), citations.get(i).end(), "/citations/" + i);
        }
        String text = paragraph.substring(body.start(), body.end());
        // Location, anchor and paragraph name one paragraph; the same text there is the same claim.
        var sameClaim = em.createQuery(
                        "select c.id from Claim c where c.article = :article and c.location = :location"
                                + " and c.paragraph = :paragraph and c.text = :text"
                                + (anchor == null ? "" : " and c.sectionAnchor = :anchor"),
                        Long.class)
                .setParameter("article", article)
                .setParameter("location", body.location())
                .setParameter("paragraph", body.paragraph())
                .setParameter("text", text);
        if (anchor != null) {
            sameClaim.setParameter("anchor", anchor);
        }
        sameClaim.getResultStream().findFirst().ifPresent(existing -> {
            throw ProblemException.conflict("That sentence is already claim " + existing
                    + "; correct it with PUT /v1/claims/" + existing + ".");
        });
        Claim claim = new Claim();
        claim.article = article;
        claim.location = body.location();
        claim.sectionAnchor = anchor;
        claim.paragraph = body.paragraph();
        claim.startOffset = body.start();
        claim.endOffset = body.end();
        claim.text = text;
        judge(claim, body.judgement(), !citations.isEmpty(), "/judgement");
        em.persist(claim);
        claimWriter.renumber(article);
        for (int i = 0; i < citations.size(); i++) {
            cite(claim, paragraph, citations.get(i), i, "/citations/" + i + "/sourceId");
        }
        return saved(claim);
    }

    @Transactional
    @RecordsChanges
    public ClaimDetail update(long id, ClaimJudgement body, String ifMatch) {
        Claim claim = find(id, ifMatch);
        judge(claim, body, hasCitations(claim), "");
        return saved(claim);
    }

    /** The sentence stays rejected: a re-import will not make it a claim again. */
    @Transactional
    @RecordsChanges
    public void delete(long id, String ifMatch) {
        Claim claim = find(id, ifMatch);
        RejectedClaim rejected = new RejectedClaim();
        rejected.article = claim.article;
        rejected.text = claim.text;
        em.persist(rejected);
        em.remove(claim); // its citations go with it (foreign key cascade)
        em.flush();
        articleChanged(claim.article);
    }

    @Transactional
    @RecordsChanges
    public ClaimDetail addCitation(long id, NewCitation body, String ifMatch) {
        Claim claim = find(id, ifMatch);
        String paragraph = articles.paragraph(claim.article, claim.location, claim.sectionAnchor, claim.paragraph)
                .orElseThrow();
        checkSpan(paragraph, body.start(), body.end(), "");
        Integer last = em.createQuery("select max(ci.position) from Citation ci where ci.claim = ?1", Integer.class)
                .setParameter(1, claim)
                .getSingleResult();
        cite(claim, paragraph, body, last == null ? 0 : last + 1, "/sourceId");
        claim.attribution = Attribution.cited;
        claim.edited = true;
        return saved(claim);
    }

    @Transactional
    @RecordsChanges
    public ClaimDetail removeCitation(long id, long citationId, String ifMatch) {
        Claim claim = find(id, ifMatch);
        int removed = em.createQuery("delete from Citation ci where ci.id = ?1 and ci.claim = ?2")
                .setParameter(1, citationId)
                .setParameter(2, claim)
                .executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("Claim " + id + " has no citation " + citationId + ".");
        }
        if (!hasCitations(claim) && claim.attribution == Attribution.cited) {
            claim.attribution = Attribution.none;
        }
        claim.edited = true;
        return saved(claim);
    }

    private void judge(Claim claim, ClaimJudgement j, boolean hasCitations, String at) {
        List<FieldError> errors = new ArrayList<>();
        VocabularyView known = vocabulary.view();
        if (!known.supplements().containsKey(j.supplement())) {
            errors.add(FieldError.atPointer(
                    at + "/supplement", "is not in the vocabulary; add it first (POST /v1/vocabulary/terms)"));
        }
        if (j.outcome() != null && !known.outcomes().containsKey(j.outcome())) {
            errors.add(FieldError.atPointer(
                    at + "/outcome", "is not in the vocabulary; add it first (POST /v1/vocabulary/terms)"));
        }
        Attribution attribution =
                j.attribution() != null ? j.attribution() : hasCitations ? Attribution.cited : Attribution.none;
        if ((attribution == Attribution.cited) != hasCitations) {
            errors.add(FieldError.atPointer(
                    at + "/attribution",
                    hasCitations
                            ? "must be cited: the claim has citations"
                            : "cannot be cited: the claim has no citation"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors.toArray(FieldError[]::new));
        }
        claim.supplement = j.supplement();
        claim.outcome = j.outcome();
        claim.stance = j.stance();
        claim.hedged = j.hedged();
        claim.attribution = attribution;
        claim.edited = true;
    }

    private void cite(Claim claim, String paragraph, NewCitation c, int position, String sourcePointer) {
        Source source = em.find(Source.class, c.sourceId());
        if (source == null) {
            throw invalid(FieldError.atPointer(sourcePointer, "there is no source " + c.sourceId()));
        }
        Citation citation = new Citation();
        citation.claim = claim;
        citation.position = position;
        citation.source = source;
        citation.citedText = paragraph.substring(c.start(), c.end());
        citation.startOffset = c.start();
        citation.endOffset = c.end();
        em.persist(citation);
    }

    private static void checkSpan(String paragraph, int start, int end, String at) {
        if (end > paragraph.length()) {
            throw invalid(FieldError.atPointer(
                    at + "/end", "is past the end of the paragraph (" + paragraph.length() + " characters)"));
        }
        if (start >= end) {
            throw invalid(FieldError.atPointer(at + "/start", "must be before end"));
        }
    }

    private ClaimDetail saved(Claim claim) {
        em.flush();
        articleChanged(claim.article);
        return claims.get(claim.id, true);
    }

    private void articleChanged(Article article) {
        article.touch(clock.instant());
        changed.fire(ArticleChanged.written(article, article.status == ArticleStatus.published));
    }

    private boolean hasCitations(Claim claim) {
        return em.createQuery("select count(ci) from Citation ci where ci.claim = ?1", Long.class)
                        .setParameter(1, claim)
                        .getSingleResult()
                > 0;
    }

    /**
     * The claim, with its article's row locked first (see ArticleRepository.lock) and both read fresh,
     * after checking that the caller changes the version of the claim it read (If-Match).
     */
    private Claim find(long id, String ifMatch) {
        Long articleId = em.createQuery("select c.article.id from Claim c where c.id = ?1", Long.class)
                .setParameter(1, id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no claim " + id + "."));
        articles.lock(articleId);
        Claim claim = em.find(Claim.class, id);
        if (claim == null) {
            throw ProblemException.notFound("There is no claim " + id + ".");
        }
        etags.requireMatch(ifMatch, () -> List.of(claims.get(id, true)));
        // The check loaded the claim's citations; start clean so that removals and bulk updates hold.
        em.clear();
        articles.lock(articleId);
        return em.find(Claim.class, id);
    }

    private static ProblemException invalid(FieldError... errors) {
        return ProblemException.badRequest(
                "validation", "The request has " + errors.length + " invalid field(s); see errors.", List.of(errors));
    }
}
