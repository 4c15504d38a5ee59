package io.supplements.article;

import io.supplements.author.Author;
import io.supplements.claim.Citation;
import io.supplements.claim.Claim;
import io.supplements.claim.ClaimLocation;
import io.supplements.claim.Stance;
import io.supplements.claim.extraction.ClaimExtractor;
import io.supplements.claim.extraction.CitedSource;
import io.supplements.claim.extraction.ExtractedClaim;
import io.supplements.common.ProblemException;
import io.supplements.importer.AuthorNames;
import io.supplements.importer.ParsedArticle;
import io.supplements.importer.ParsedArticle.ParsedSection;
import io.supplements.source.SourceCatalog;
import io.supplements.source.SourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes an article's content (sections, paragraphs, claims, citations, related resources, author,
 * topics) from its parsed form, replacing whatever content it had. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ArticleContentWriter {
    private static final int MAX_SOURCE_NAME = 300;

    private final EntityManager em;
    private final SourceCatalog sources;
    private final ClaimExtractor extractor;

    ArticleContentWriter(EntityManager em, SourceCatalog sources, ClaimExtractor extractor) {
        this.em = em;
        this.sources = sources;
        this.extractor = extractor;
    }

    public void write(Article article, ParsedArticle text, List<String> topics, Instant now) {
        if (article.id != null) {
            removeContent(article);
        }
        article.summary = text.summary();
        article.introduction = text.introduction();
        article.conclusion = text.conclusion();
        article.relatedIntro = text.related() == null ? null : text.related().intro();
        article.authorBio = text.authorBio();
        article.author = null;
        article.textBom = text.layout().byteOrderMark();
        article.textCrlf = text.layout().crlf();
        article.textFinalNewline = text.layout().finalNewline();
        article.topics.clear();
        topics.stream().distinct().map(this::topic).forEach(article.topics::add);
        if (article.id == null) {
            em.persist(article);
        }

        ClaimSink claims = new ClaimSink(article);
        claims.add(ClaimLocation.summary, null, 0, text.summary());
        claims.add(ClaimLocation.introduction, null, 0, text.introduction());
        Set<String> anchors = new HashSet<>();
        for (int i = 0; i < text.sections().size(); i++) {
            ParsedSection ps = text.sections().get(i);
            Section section = new Section();
            section.article = article;
            section.position = i;
            section.heading = ps.heading();
            section.anchor = uniqueAnchor(ps.heading(), i, anchors);
            section.blankLineAfterHeading = ps.blankLineAfterHeading();
            em.persist(section);
            for (int p = 0; p < ps.paragraphs().size(); p++) {
                Paragraph paragraph = new Paragraph();
                paragraph.section = section;
                paragraph.position = p;
                paragraph.body = ps.paragraphs().get(p);
                em.persist(paragraph);
                claims.add(ClaimLocation.section, section, p, paragraph.body);
            }
        }
        claims.add(ClaimLocation.conclusion, null, 0, text.conclusion());

        if (text.related() != null) {
            List<ParsedArticle.RelatedResource> resources = text.related().resources();
            for (int i = 0; i < resources.size(); i++) {
                ParsedArticle.RelatedResource r = resources.get(i);
                RelatedResource link = new RelatedResource();
                link.article = article;
                link.position = i;
                link.source = sources.web(r.name(), r.type(), r.description(), r.url(), article.status == ArticleStatus.published);
                link.name = r.name();
                link.resourceType = r.type();
                link.description = r.description();
                link.url = r.url();
                em.persist(link);
            }
        }
        // Last, like the "About the Author" line; a bio without a name still rolls everything back.
        if (text.authorBio() != null) {
            article.author = author(text.authorBio(), article.status == ArticleStatus.published, now);
        }
    }

    /** Child rows go by bulk delete; the foreign keys cascade to paragraphs and citations. */
    public void removeContent(Article article) {
        em.createQuery("delete from Claim c where c.article = ?1").setParameter(1, article).executeUpdate();
        em.createQuery("delete from RelatedResource r where r.article = ?1").setParameter(1, article).executeUpdate();
        em.createQuery("delete from Section s where s.article = ?1").setParameter(1, article).executeUpdate();
    }

    /**
     * A published article's wording of what it shares with others (the author's name, the name, type
     * and description of a web source) becomes the shared wording; a draft's never does.
     */
    public void publishShared(Article article) {
        if (article.author != null) {
            article.author.name = AuthorNames.nameFromBio(article.authorBio);
        }
        em.createQuery("from RelatedResource r join fetch r.source where r.article = ?1", RelatedResource.class)
                .setParameter(1, article).getResultList()
                .forEach(r -> sources.web(r.name, r.resourceType, r.description, r.url, true));
    }

    private Author author(String bio, boolean published, Instant now) {
        String name = AuthorNames.nameFromBio(bio);
        if (name == null || name.isBlank() || name.length() > AuthorNames.MAX_NAME_LENGTH) {
            throw ProblemException.badRequest("invalid-author",
                    "The author line must begin with the author's name, e.g. 'Dr. Jane Doe is ...'.", null);
        }
        String slug = AuthorNames.slugify(name);
        Author author = Author.<Author>find("slug", slug).firstResult();
        if (author == null) {
            author = new Author();
            author.slug = slug;
            author.createdAt = now;
        }
        if (author.id == null || published) {
            author.name = name;
        }
        author.updatedAt = now;
        if (author.id == null) {
            em.persist(author);
        }
        return author;
    }

    private Topic topic(String slug) {
        Topic topic = Topic.<Topic>find("slug", slug).firstResult();
        if (topic == null) {
            topic = new Topic();
            topic.slug = slug;
            em.persist(topic);
        }
        return topic;
    }

    private static String uniqueAnchor(String heading, int index, Set<String> taken) {
        String base = AuthorNames.slugify(heading);
        if (base.isEmpty()) {
            base = "section-" + (index + 1);
        }
        base = base.length() > 180 ? base.substring(0, 180) : base;
        String anchor = base;
        for (int n = 2; !taken.add(anchor); n++) {
            anchor = base + "-" + n;
        }
        return anchor;
    }

    /** Numbers the claims of one article in reading order while they are extracted. */
    private final class ClaimSink {
        private final Article article;
        private int position;

        ClaimSink(Article article) {
            this.article = article;
        }

        void add(ClaimLocation location, Section section, int paragraph, String text) {
            for (ExtractedClaim extracted : extractor.extract(text)) {
                if (extracted.citations().stream().anyMatch(c -> c.name().length() > MAX_SOURCE_NAME)) {
                    continue; // a "journal title" this long is a misreading of the sentence, not a source
                }
                Claim claim = new Claim();
                claim.article = article;
                claim.position = position++;
                claim.location = location;
                claim.section = section;
                claim.paragraph = paragraph;
                claim.startOffset = extracted.start();
                claim.endOffset = extracted.end();
                claim.text = extracted.text();
                claim.supplement = extracted.supplement();
                claim.outcome = extracted.outcome();
                claim.stance = Stance.valueOf(extracted.stance().name().toLowerCase(Locale.ROOT));
                claim.hedged = extracted.hedged();
                em.persist(claim);
                List<CitedSource> cited = extracted.citations();
                for (int i = 0; i < cited.size(); i++) {
                    CitedSource c = cited.get(i);
                    Citation citation = new Citation();
                    citation.claim = claim;
                    citation.position = i;
                    citation.source = sources.cited(SourceKind.valueOf(c.kind().name().toLowerCase(Locale.ROOT)), c.name(), c.year());
                    citation.citedText = c.citedText();
                    citation.startOffset = c.start();
                    citation.endOffset = c.end();
                    em.persist(citation);
                }
            }
        }
    }
}
