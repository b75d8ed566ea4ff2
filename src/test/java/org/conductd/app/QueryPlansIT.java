package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.conductd.store.OutboxRepository;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.Test;

/** The reports' queries over every case stay on indexes, away from the stored mail in the same rows. */
class QueryPlansIT extends ConductdIT {

    @SuppressWarnings("unchecked")
    private List<String> plan(String sql) {
        ConnectionOperations<Connection> connections = conductd.bean(ConnectionOperations.class);
        return connections.executeRead(status -> {
            List<String> steps = new ArrayList<>();
            try (Statement s = status.getConnection().createStatement();
                 ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                while (r.next()) {
                    steps.add(r.getString("detail"));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return steps;
        });
    }

    @Test
    void exportLogFindsWhoEachCaseReachedFromAnIndexAlone() throws Exception {
        String sql = OutboxRepository.class.getMethod("findCaseRecipients").getAnnotation(Query.class).value();

        List<String> plan = plan(sql);

        assertTrue(plan.stream().anyMatch(step -> step.contains("COVERING INDEX outbox_case_recipients")), plan.toString());
    }

    @Test
    void theSenderFindsDueMailInOrderWithoutSortingEveryPendingMessage() throws Exception {
        String sql = OutboxRepository.class.getMethod("findDue", java.time.Instant.class, int.class)
                .getAnnotation(Query.class).value().replace(":now", "0").replace(":limit", "50");

        List<String> plan = plan(sql);

        assertTrue(plan.stream().anyMatch(step -> step.contains("USING INDEX outbox_due")), plan.toString());
        assertTrue(plan.stream().noneMatch(step -> step.contains("TEMP B-TREE")), plan.toString());
    }
}
