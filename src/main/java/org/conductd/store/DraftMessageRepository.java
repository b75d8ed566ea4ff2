package org.conductd.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DraftMessageRepository extends CrudRepository<DraftMessage, Long> {

    List<DraftMessage> findByDraftIdOrderById(long draftId);

    List<DraftMessage> findByMessageId(String messageId);
}
