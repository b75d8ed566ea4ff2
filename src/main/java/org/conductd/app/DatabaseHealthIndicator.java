package org.conductd.app;

import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/** "database" in /health: DOWN when the SQLite database cannot answer {@code SELECT 1}. */
@Singleton
final class DatabaseHealthIndicator implements HealthIndicator {

    private final TransactionOperations<Connection> tx;
    private final ExecutorService io;

    DatabaseHealthIndicator(TransactionOperations<Connection> tx, @Named(TaskExecutors.IO) ExecutorService io) {
        this.tx = tx;
        this.io = io;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return new AsyncSingleResultPublisher<>(io, this::check);
    }

    private HealthResult check() {
        HealthResult.Builder result = HealthResult.builder("database");
        try {
            tx.executeRead(status -> selectOne(status.getConnection()));
            return result.status(HealthStatus.UP).details(Map.of("database", "SQLite")).build();
        } catch (RuntimeException e) {
            return result.status(HealthStatus.DOWN).details(Map.of("error", String.valueOf(e.getMessage()))).build();
        }
    }

    private static int selectOne(Connection connection) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
