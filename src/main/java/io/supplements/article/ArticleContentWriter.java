package io.supplements.article;

import io.supplements.author.Author;
import io.supplements.author.AuthorChanged;
import io.supplements.claim.ClaimLocation;
import io.supplements.claim.ClaimWriter;
import io.supplements.claim.Prose;
import io.supplements.common.ProblemException;
import io.supplements.seedtext.AuthorNames;
import io.supplements.seedtext.ParsedArticle;
import io.supplements.seedtext.ParsedArticle.ParsedSection;
import io.supplements.source.SourceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an article's content (sections, paragraphs, claims, related resources, author, topics) from
 * its parsed form, replacing whatever content it had. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ArticleContentWriter {

    private final EntityManager em;
    private final SourceCatalog sources;
    private final ClaimWriter claims;
    private final Event<AuthorChanged> authorChanged;

    ArticleContentWriter(
            EntityManager em, SourceCatalog sources, ClaimWriter claims, Event<AuthorChanged> authorChanged) {
        this.em = em;
        this.authorChanged = authorChanged;
        this.sources = sources;
        this.claims = claims;
    }

    public void write(Article article, ParsedArticle text, List<String> topics, Instant now) {
        if (article.id != null) {
            removeSectionsAndResources(article);
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

        List<Prose> prose = new ArrayList<>();
        prose.add(new Prose(ClaimLocation.summary, null, 0, text.summary()));
        prose.add(new Prose(ClaimLocation.introduction, null, 0, text.introduction()));
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
                prose.add(new Prose(ClaimLocation.section, section.anchor, p, paragraph.body));
            }
        }
        prose.add(new Prose(ClaimLocation.conclusion, null, 0, text.conclusion()));
        claims.write(article, prose);

        if (text.related() != null) {
            List<ParsedArticle.RelatedResource> resources = text.related().resources();
            for (int i = 0; i < resources.size(); i++) {
                ParsedArticle.RelatedResource r = resources.get(i);
                RelatedResource link = new RelatedResource();
                link.article = article;
                link.position = i;
                link.source = sources.web(
                        r.name(), r.type(), r.description(), r.url(), article.status == ArticleStatus.published);
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

    /** The running text claims are extracted from, in reading order, from a loaded article. */
    public List<Prose> proseOf(ArticleTree tree) {
        Article article = tree.article();
        List<Prose> prose = new ArrayList<>();
        prose.add(new Prose(ClaimLocation.summary, null, 0, article.summary));
        prose.add(new Prose(ClaimLocation.introduction, null, 0, article.introduction));
        for (Section section : tree.sections()) {
            List<String> paragraphs = tree.paragraphsBySection().getOrDefault(section.id, List.of());
            for (int p = 0; p < paragraphs.size(); p++) {
                prose.add(new Prose(ClaimLocation.section, section.anchor, p, paragraphs.get(p)));
            }
        }
        prose.add(new Prose(ClaimLocation.conclusion, null, 0, article.conclusion));
        return prose;
    }

    /**
     * Extracts the article's claims again from its prose with today's extractor. Returns whether that
     * changed any claim (then they are rewritten, keeping ids and editors' judgements as a re-import
     * does); otherwise only the article's extractor fingerprint moves.
     */
    public boolean reextract(Article article, List<Prose> prose) {
        if (!claims.wouldChange(article, prose)) {
            article.extractedWith = claims.fingerprint();
            return false;
        }
        claims.write(article, prose);
        return true;
    }

    /** The fingerprint of the extractor writes use now. */
    public String extractorFingerprint() {
        return claims.fingerprint();
    }

    /** Removes everything the article contains; the foreign keys cascade to paragraphs and citations. */
    public void removeContent(Article article) {
        claims.removeAll(article);
        removeSectionsAndResources(article);
    }

    private void removeSectionsAndResources(Article article) {
        em.createQuery("delete from RelatedResource r where r.article = ?1")
                .setParameter(1, article)
                .executeUpdate();
        em.createQuery("delete from Section s where s.article = ?1")
                .setParameter(1, article)
                .executeUpdate();
    }

    /**
     * A published article's wording of what it shares with others (the author's name, the name, type
     * and description of a web source) becomes the shared wording; a draft's never does.
     */
    public void publishShared(Article article) {
        if (article.author != null) {
            rename(article.author, AuthorNames.nameFromBio(article.authorBio));
        }
        em.createQuery("from RelatedResource r join fetch r.source where r.article = ?1", RelatedResource.class)
                .setParameter(1, article)
                .getResultList()
                .forEach(r -> sources.web(r.name, r.resourceType, r.description, r.url, true));
    }

    private Author author(String bio, boolean published, Instant now) {
        String name = AuthorNames.nameFromBio(bio);
        if (name == null || name.isBlank() || name.length() > AuthorNames.MAX_NAME_LENGTH) {
            throw ProblemException.badRequest(
                    "invalid-author",
                    "The author line must begin with the author's name, e.g. 'Dr. Jane Doe is ...'.",
                    null);
        }
        String slug = authorSlug(name);
        Author author = Author.<Author>find("slug", slug).firstResult();
        if (author == null) {
            author = new Author();
            author.slug = slug;
            author.createdAt = now;
        }
        if (author.id == null || published) {
            rename(author, name);
        }
        author.updatedAt = now;
        if (author.id == null) {
            em.persist(author);
        }
        return author;
    }

    private void rename(Author author, String name) {
        if (author.id != null && !name.equals(author.name)) {
            authorChanged.fire(new AuthorChanged(author.id));
        }
        author.name = name;
    }

    /**
     * The name's slug, cut to fit; a name with no Latin letters or digits ("Иван Петров") slugifies to
     * nothing, so it gets a stable slug derived from the name itself.
     */
    static String authorSlug(String name) {
        String slug = AuthorNames.slugify(name);
        if (slug.isEmpty()) {
            slug = "author-"
                    + java.util.HexFormat.of()
                            .formatHex(java.nio.ByteBuffer.allocate(4)
                                    .putInt(name.hashCode())
                                    .array());
        }
        return slug.length() > 200 ? slug.substring(0, 200).replaceAll("-+$", "") : slug;
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
}
