package io.supplements.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.supplements.article.api.ExtractionStatus;
import io.supplements.common.SupplementsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps every article's claims extracted with today's extractor. A pass walks the articles extracted
 * with another fingerprint in id order; when one ends having left none behind, the fingerprint is
 * recorded as complete and, until the extractor changes again, a round reads one row instead of the
 * catalogue: every write since extracts with today's extractor already. When the rules or the vocabulary
 * change (a deploy, an editor's new term), each article extracted with another fingerprint is
 * extracted again in the background, a batch at a time, each article in its own transaction (see
 * {@link ArticleService#reextract}). Instances share the work without coordination: an article is
 * locked while it is re-extracted, and the one that waited finds it done.
 */
@ApplicationScoped
public class Reextraction {
    private static final Logger LOG = Logger.getLogger(Reextraction.class);

    private final ArticleService service;
    private final ArticleRepository articles;
    private final ArticleContentWriter content;
    private final SupplementsConfig.Reextraction config;
    private final Clock clock;
    private volatile boolean running;
    private long after;
    private boolean failedThisPass;
    private int doneThisPass;

    Reextraction(
            ArticleService service,
            ArticleRepository articles,
            ArticleContentWriter content,
            SupplementsConfig config,
            Clock clock) {
        this.clock = clock;
        this.service = service;
        this.articles = articles;
        this.content = content;
        this.config = config.reextraction();
    }

    void start(@Observes StartupEvent start) {
        running = config.enabled();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
    }

    /** Batch after batch while there are articles to re-extract; then idle until the next poll. */
    @Scheduled(
            every = "${supplements.reextraction.poll-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (running && runOnce() > 0) {
                // the next batch at once
            }
        } catch (RuntimeException e) {
            LOG.warn("Claim re-extraction round failed; retrying at the next poll", e);
        }
    }

    /**
     * Re-extracts the next batch of articles extracted with another extractor and logs the progress
     * ({@link #status} has the counts).
     *
     * @return how many articles the batch held (0: none is left after the last position; the next round
     *         starts from the first article again)
     */
    public synchronized int runOnce() {
        String fingerprint = QuarkusTransaction.requiringNew().call(content::extractorFingerprint);
        if (after == 0 && fingerprint.equals(QuarkusTransaction.requiringNew().call(articles::completedExtraction))) {
            return 0; // a pass with today's extractor found nothing left, and every write since used it
        }
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() -> articles.extractedWithOther(fingerprint, after, config.batchSize()));
        if (ids.isEmpty()) {
            if (!failedThisPass) {
                QuarkusTransaction.requiringNew().run(() -> articles.completeExtraction(fingerprint, clock.instant()));
                LOG.infof("Every article's claims are extracted with %s", fingerprint);
            }
            after = 0;
            failedThisPass = false;
            doneThisPass = 0;
            return 0;
        }
        int changed = 0;
        for (long id : ids) {
            try {
                if (service.reextract(id)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                failedThisPass = true;
                LOG.warnf(e, "Re-extracting the claims of article %d failed; it is tried again in the next pass", id);
            }
            after = id;
        }
        doneThisPass += ids.size();
        // Counted here, not in the database: a count of the whole catalogue per batch would cost more than the batch.
        LOG.infof(
                "Re-extracted the claims of %d articles (%d changed), %d in this pass so far, with %s",
                ids.size(), changed, doneThisPass, fingerprint);
        return ids.size();
    }

    /** How far re-extraction has come. */
    public ExtractionStatus status() {
        return QuarkusTransaction.requiringNew().call(() -> {
            String fingerprint = content.extractorFingerprint();
            long[] counts = articles.extractionCounts(fingerprint);
            return new ExtractionStatus(fingerprint, counts[0], counts[1], counts[0] - counts[1]);
        });
    }
}
