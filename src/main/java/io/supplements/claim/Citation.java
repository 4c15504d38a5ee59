package io.supplements.claim;

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

/** A claim's reference to a source: the cited phrase and where it stands in the paragraph. */
@Entity
public class Citation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    public int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @Column(name = "cited_text")
    public String citedText;

    @Column(name = "start_offset")
    public int startOffset;

    @Column(name = "end_offset")
    public int endOffset;
    /** The {@link io.supplements.claim.extraction.StudyDesign} wire value, or null when not extracted. */
    public String design;
    /** The {@link io.supplements.claim.extraction.Population} wire value, or null when unknown. */
    public String population;
    /** Identifiers of the cited paper that the citing sentence gives; null when it gives none. */
    public String doi;

    public String pmid;
    public String pmcid;
    public String nct;
    public String url;
}
