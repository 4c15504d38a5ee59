package io.supplements.source;

import io.supplements.claim.extraction.SourceKind;
import io.supplements.common.ETags;
import io.supplements.common.Problem.FieldError;
import io.supplements.common.ProblemException;
import io.supplements.common.RecordsChanges;
import io.supplements.source.api.NewSource;
import io.supplements.source.api.SourceDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Editors create sources (to cite them from claims) and complete them (DOI, PMID, URL). */
@ApplicationScoped
public class SourceEditor {
    private final EntityManager em;
    private final SourceService sources;
    private final ETags etags;
    private final Event<SourceChanged> changed;
    private final Clock clock;

    SourceEditor(EntityManager em, SourceService sources, ETags etags, Event<SourceChanged> changed, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.changed = changed;
        this.sources = sources;
        this.etags = etags;
    }

    @Transactional
    @RecordsChanges
    public SourceDetail create(NewSource body) {
        Source source = new Source();
        source.createdAt = clock.instant();
        apply(source, body);
        em.persist(source);
        em.flush();
        return sources.get(source.id, true);
    }

    @Transactional
    @RecordsChanges
    public SourceDetail replace(long id, NewSource body, String ifMatch) {
        Source source = em.find(Source.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            throw ProblemException.notFound("There is no source " + id + ".");
        }
        etags.requireMatch(ifMatch, () -> List.of(sources.get(id, true)));
        var before = SourceMapper.toView(source);
        apply(source, body);
        em.flush();
        if (!before.equals(SourceMapper.toView(source))) {
            changed.fire(new SourceChanged(id));
        }
        return sources.get(id, true);
    }

    private static void apply(Source source, NewSource body) {
        if (body.kind() == SourceKind.web && body.url() == null) {
            throw ProblemException.badRequest(
                    "validation",
                    "A web source needs its URL.",
                    List.of(FieldError.atPointer("/url", "is required for a web source")));
        }
        String key = SourceCatalog.keyOf(body.kind(), body.name(), body.year(), body.url());
        Source same = SourceCatalog.find(key);
        if (same != null && !same.id.equals(source.id)) {
            throw ProblemException.conflict("That source already exists as source " + same.id + ".");
        }
        source.sourceKey = key;
        source.kind = body.kind();
        source.name = body.name();
        source.year = body.year();
        source.url = body.url();
        source.description = body.description();
        source.resourceType = body.type();
        source.doi = body.doi();
        source.pmid = body.pmid();
    }
}
