package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EventRepository extends CrudRepository<CaseEvent, Long> {

    List<CaseEvent> findByCaseIdOrderById(long caseId);

    /** Every address that acted in each case, once per case, in the order each first acted. */
    @Query("SELECT case_id, actor FROM events WHERE case_id IS NOT NULL AND actor LIKE '%@%' "
            + "GROUP BY case_id, actor ORDER BY case_id, MIN(id)")
    List<CaseActor> findAddressActors();

    /** The details of every event of one kind, by case, oldest first. */
    @Query("SELECT case_id, detail FROM events WHERE case_id IS NOT NULL AND kind = :kind ORDER BY case_id, id")
    List<CaseEventDetail> findDetailsOfKind(String kind);
}
