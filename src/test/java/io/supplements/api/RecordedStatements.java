package io.supplements.api;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Every SQL statement Hibernate prepares while recording is on (ReadPlanTest), as it is sent. */
@ApplicationScoped
@PersistenceUnitExtension
public class RecordedStatements implements StatementInspector {
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            recorded.add(sql);
        }
        return sql;
    }

    public void start() {
        recorded.clear();
        recording = true;
    }

    public Set<String> stop() {
        recording = false;
        return Set.copyOf(recorded);
    }
}
