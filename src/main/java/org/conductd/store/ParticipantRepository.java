package org.conductd.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ParticipantRepository extends CrudRepository<Participant, Long> {

    List<Participant> findByCaseIdOrderById(long caseId);

    boolean existsByCaseIdAndAddress(long caseId, String address);
}
