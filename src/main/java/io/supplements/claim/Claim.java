package io.supplements.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supplements.article.Article;
import io.supplements.claim.extraction.Attribution;
import io.supplements.claim.extraction.Stance;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A sentence of an article that asserts something, located by paragraph and character offsets. */
@Entity
public class Claim extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    public int position;

    @Enumerated(EnumType.STRING)
    public ClaimLocation location;
    /** Anchor of the claim's section; null for the summary, introduction and conclusion. */
    @Column(name = "section_anchor")
    public String sectionAnchor;

    public int paragraph;

    @Column(name = "start_offset")
    public int startOffset;

    @Column(name = "end_offset")
    public int endOffset;

    public String text;
    public String supplement;
    public String outcome;
    /** The words the sentence names its effect with; see {@link io.supplements.claim.extraction.ExtractedClaim#outcomeText}. */
    @Column(name = "outcome_text")
    public String outcomeText;

    @Enumerated(EnumType.STRING)
    public Stance stance;

    public boolean hedged;

    @Enumerated(EnumType.STRING)
    public Attribution attribution;
    /** Set once an editor changed or created it; a re-import then keeps its judgement. */
    public boolean edited;
}
