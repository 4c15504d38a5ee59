package io.supplements.api;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Every SQL statement Hibernate prepares while recording is on, as it is sent, with the thread that
 * sent it, so that a test can count what its requests ran and leave out what the app's own background
 * threads (the cache's feed follower, the webhook dispatcher) ran meanwhile.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class RecordedStatements implements StatementInspector {
    /** The threads the app runs of its own accord (named where they are started). */
    private static final Set<String> BACKGROUND = Set.of("article-cache-follower", "webhook-dispatcher");

    private record Statement(String thread, String sql) {
    }

    private final ConcurrentLinkedQueue<Statement> recorded = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            recorded.add(new Statement(Thread.currentThread().getName(), sql));
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
        return recorded.stream().filter(s -> !BACKGROUND.contains(s.thread())).map(Statement::sql).toList();
    }
}
