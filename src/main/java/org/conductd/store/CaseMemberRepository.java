package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseMemberRepository extends CrudRepository<CaseMember, Long> {

    List<CaseMember> findByCaseId(long caseId);

    @Query("UPDATE case_members SET conflicted = :conflicted, reason = :reason, since = :at, declared_by = :declaredBy "
            + "WHERE case_id = :caseId AND member = :member")
    void setConflict(long caseId, String member, boolean conflicted, @Nullable String reason, Instant at,
                     @Nullable String declaredBy);
}
