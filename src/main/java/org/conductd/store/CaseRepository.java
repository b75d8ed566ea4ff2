package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import org.conductd.mail.Severity;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseRepository extends CrudRepository<CaseRecord, Long> {

    List<CaseRecord> findAllOrderById();

    boolean existsByCodeName(String codeName);

    /** The cases opened from {@code from} (inclusive) until {@code until} (exclusive). */
    @Query("SELECT * FROM cases WHERE opened_at >= :from AND opened_at < :until ORDER BY id")
    List<CaseRecord> findOpenedBetween(Instant from, Instant until);

    @Query("SELECT COUNT(*) FROM cases WHERE opened_at >= :since")
    long countOpenedSince(Instant since);

    @Query("SELECT code_name FROM cases")
    List<String> findAllCodeNames();

    @Query("UPDATE cases SET last_activity_at = :at WHERE id = :id")
    void touch(long id, Instant at);

    @Query("UPDATE cases SET severity = :severity WHERE id = :id")
    void setSeverity(long id, @TypeDef(type = DataType.STRING, converter = SeverityConverter.class) Severity severity);

    @Query("UPDATE cases SET lead = :lead WHERE id = :id")
    void setLead(long id, @Nullable String lead);

    @Query("UPDATE cases SET incident_when = :text WHERE id = :id")
    void setIncidentWhen(long id, String text);

    @Query("UPDATE cases SET incident_where = :text WHERE id = :id")
    void setIncidentWhere(long id, String text);

    @Query("UPDATE cases SET summary = :text WHERE id = :id")
    void setSummary(long id, String text);

    @Query("UPDATE cases SET public_summary = :text WHERE id = :id")
    void setPublicSummary(long id, String text);

    @Query("UPDATE cases SET state = 'RESOLVED', resolution = :resolution WHERE id = :id")
    void resolve(long id, String resolution);

    @Query("UPDATE cases SET dsf_reported_at = :at WHERE id = :id")
    void reportedToDsf(long id, Instant at);

    @Query("UPDATE cases SET state = :state, closed_at = :closedAt WHERE id = :id")
    void setState(long id, CaseState state, @Nullable Instant closedAt);
}
