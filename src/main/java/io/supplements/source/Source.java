package io.supplements.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supplements.claim.extraction.SourceKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A thing cited: a journal (name + year), a web resource (by URL) or an organisation. Shared across articles. */
@Entity
public class Source extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public SourceKind kind;

    @Column(name = "source_key")
    public String sourceKey;

    public String name;

    @Column(name = "published_year")
    public Integer year;

    public String url;
    public String description;

    @Column(name = "resource_type")
    public String resourceType;

    public String doi;
    public String pmid;

    @Column(name = "created_at")
    public Instant createdAt;
}
