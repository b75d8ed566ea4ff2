package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EventRepository extends CrudRepository<CaseEvent, Long> {

    List<CaseEvent> findByCaseIdOrderById(long caseId);

    /** Events of some kinds since a moment, across cases: for the digest. */
    @Query("SELECT * FROM events WHERE kind IN (:kinds) AND at >= :since ORDER BY id")
    List<CaseEvent> findKindsSince(Collection<EventKind> kinds, Instant since);

    /** When a team member last acted on each case (actors that are roster addresses contain "@"). */
    @Query("SELECT case_id AS case_id, MAX(at) AS at FROM events WHERE case_id IS NOT NULL AND actor LIKE '%@%' AND kind NOT IN ('refused', 'answered', 'not-answered') "
            + "GROUP BY case_id")
    List<LastAction> findLastHumanActions();

    /** Every address that acted in each case, once per case, in the order each first acted. */
    @Query("SELECT case_id, actor FROM events WHERE case_id IS NOT NULL AND actor LIKE '%@%' "
            + "GROUP BY case_id, actor ORDER BY case_id, MIN(id)")
    List<CaseActor> findAddressActors();

    /** The details of every event of one kind, by case, oldest first. */
    @Query("SELECT case_id, detail FROM events WHERE case_id IS NOT NULL AND kind = :kind ORDER BY case_id, id")
    List<CaseEventDetail> findDetailsOfKind(EventKind kind);
}
