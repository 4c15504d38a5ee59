package io.supplements.vocabulary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A term an editor added to the vocabulary: it names the supplement or outcome {@code slug}. */
@Entity
@Table(name = "vocabulary_term")
public class VocabularyTerm extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;
    public String slug;
    public String term;

    @Column(name = "created_at")
    public Instant createdAt;
}
