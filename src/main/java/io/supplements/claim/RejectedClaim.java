package io.supplements.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supplements.article.Article;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A sentence an editor removed as a claim; extraction skips it when the article is written again. */
@Entity
@Table(name = "rejected_claim")
public class RejectedClaim extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    public String text;
}
