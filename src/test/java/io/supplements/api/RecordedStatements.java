package io.supplements.api;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.supplements.webhook.WebhookDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Every SQL statement Hibernate prepares while recording is on, as it is sent, marked by whether the app's
 * own background work sent it (the cache's feed follower thread; a scheduled round of re-extraction or of the
 * webhook dispatcher; a webhook delivery), so that a test can count what its requests ran and leave out the
 * rest. Scheduled rounds share their threads with requests, so the call stack tells them apart.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class RecordedStatements implements StatementInspector {
    private static final String FOLLOWER = "article-cache-follower";
    private static final String SCHEDULER = "io.quarkus.scheduler.";
    private static final String DISPATCHER = WebhookDispatcher.class.getName();

    private record Statement(boolean background, String sql) {}

    private final ConcurrentLinkedQueue<Statement> recorded = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            recorded.add(new Statement(background(), sql));
        }
        return sql;
    }

    public void start() {
        recorded.clear();
        recording = true;
    }

    /** The distinct statements requests ran since {@link #start()}. */
    public Set<String> stop() {
        return Set.copyOf(stopAndList());
    }

    /** Every statement the requests made by {@code requests} ran, in order, repeats included. */
    public List<String> during(Runnable requests) {
        start();
        try {
            requests.run();
        } finally {
            recording = false;
        }
        return stopAndList();
    }

    private List<String> stopAndList() {
        recording = false;
        return recorded.stream()
                .filter(s -> !s.background())
                .map(Statement::sql)
                .toList();
    }

    private static boolean background() {
        return Thread.currentThread().getName().equals(FOLLOWER)
                || StackWalker.getInstance()
                        .walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                                .anyMatch(c -> c.startsWith(SCHEDULER) || c.startsWith(DISPATCHER)));
    }
}
