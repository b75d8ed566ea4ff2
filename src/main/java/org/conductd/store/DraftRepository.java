package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DraftRepository extends CrudRepository<Draft, Long> {

    List<Draft> findByCaseIdAndStateOrderById(long caseId, DraftState state);

    List<Draft> findByCaseIdOrderById(long caseId);

    List<Draft> findByState(DraftState state);

    @Query("UPDATE drafts SET state = :state, decided_at = :at, decided_by = :by, decision_note = :note WHERE id = :id")
    void decide(long id, DraftState state, Instant at, @Nullable String by, @Nullable String note);
}
