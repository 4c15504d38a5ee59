package io.supplements.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supplements.author.Author;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
public class Article extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String title;
    /** The {@link io.supplements.claim.extraction.ClaimExtractor#fingerprint} its claims were extracted with. */
    @Column(name = "extracted_with")
    public String extractedWith;

    public String summary;
    public String introduction;
    public String conclusion;

    @Enumerated(EnumType.STRING)
    public ArticleStatus status;

    public long version;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public Author author;

    @Column(name = "author_bio")
    public String authorBio;

    @Column(name = "related_intro")
    public String relatedIntro;

    @Column(name = "text_bom")
    public boolean textBom;

    @Column(name = "text_crlf")
    public boolean textCrlf;

    @Column(name = "text_final_newline")
    public boolean textFinalNewline;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "article_topic",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    public Set<Topic> topics = new LinkedHashSet<>();

    /** A change readers of this article can see, made at {@code now}: a new version, a new updatedAt. */
    public void touch(Instant now) {
        version++;
        updatedAt = now;
    }
}
