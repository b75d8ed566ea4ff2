package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ParticipantRepository extends CrudRepository<Participant, Long> {

    List<Participant> findByCaseIdOrderById(long caseId);

    /** Everyone in every case, by case, in the order they were recorded: one query for a whole report. */
    @Query("SELECT * FROM participants ORDER BY case_id, id")
    List<Participant> findAllByCase();

    @Query("SELECT DISTINCT name FROM participants WHERE name IS NOT NULL")
    List<String> findAllNames();

    boolean existsByCaseIdAndAddress(long caseId, String address);

    List<Participant> findByCaseIdAndRole(long caseId, ParticipantRole role);

    /** The reporters recorded in every anonymous case, each name and address once per case. */
    @Query("SELECT DISTINCT case_id, name, address FROM participants "
            + "WHERE role = 'REPORTER' AND case_id IN (SELECT id FROM cases WHERE anonymous = 1)")
    List<ReporterIdentity> findReporterIdentitiesOfAnonymousCases();

    /** Everyone recorded in a role in any case but one: the pattern check looks through them. */
    @Query("SELECT * FROM participants WHERE role = :role AND case_id <> :caseId ORDER BY case_id")
    List<Participant> findInOtherCases(ParticipantRole role, long caseId);

    @Query("UPDATE participants SET name = :name, address = :address WHERE id = :id")
    void rename(long id, @Nullable String name, @Nullable String address);
}
