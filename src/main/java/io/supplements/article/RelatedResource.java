package io.supplements.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supplements.source.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One "Related Resources" entry in the article's own wording, linked to the shared source. */
@Entity
@Table(name = "related_resource")
public class RelatedResource extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    public int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    public String name;

    @Column(name = "resource_type")
    public String resourceType;

    public String description;
    public String url;
}
