package org.conductd.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DraftRequestRepository extends CrudRepository<DraftRequest, String> {

    List<DraftRequest> findByDraftIdAndMember(long draftId, String member);
}
