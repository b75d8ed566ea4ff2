package org.conductd.retention;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.conductd.config.Settings;
import org.conductd.reports.TransparencyReport;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventKind;
import org.conductd.store.CaseState;
import org.conductd.store.EventRepository;

/**
 * Erases the personal data of every case closed before the start of a day, UTC (SPEC §2,
 * {@code purge}): raw mail and the oversized-mail files it names, message bodies, senders
 * and subjects, attachments, participants' names and addresses, event details, the mail
 * sent and the drafts, and the case's own subject, summary, when and where. What the
 * transparency report and the digest count stays: state, severity, resolution, public
 * summary (unless it names someone: then it becomes "[removed]", as the report would show
 * it), dates, and the kinds of events and mail. One transaction erases, recording a
 * "purged" event per case; then the database file is rewritten so that the erased bytes are
 * gone from it, not merely unreferenced. A case with nothing left to erase is skipped, so
 * running it again changes nothing. Mail kept in no case is erased with a purged case when
 * it carries one of the case's Message-IDs or its subject tag (copies of conductd's own
 * mail, bounces, quarantined replies); other mail in no case is never touched.
 */
@Singleton
public final class Purge {


    /** The personal fields of a message; a purged message has none of them left. */
    private static final String MESSAGE_TEXT =
            "body_text IS NOT NULL OR from_address IS NOT NULL OR from_name IS NOT NULL OR subject IS NOT NULL "
                    + "OR note IS NOT NULL";

    private static final String OUTBOX_TEXT =
            "raw <> x'' OR recipient <> '' OR last_error IS NOT NULL OR bounce_detail IS NOT NULL OR state = 'PENDING'";

    // Mail still waiting to go out for a purged case is never sent: its bytes are gone.
    private static final String OUTBOX_ERASED =
            "raw = x'', recipient = '', last_error = NULL, bounce_detail = NULL, "
                    + "state = CASE state WHEN 'PENDING' THEN 'FAILED' ELSE state END";

    /** Everything erased, table by table; NOT NULL columns become empty instead of NULL. */
    private static final List<Erasure> ERASURES = List.of(
            Erasure.delete("attachments", "message_row", Rows.MESSAGES),
            Erasure.delete("raw_messages", "message_row", Rows.MESSAGES),
            Erasure.update("messages", "id", Rows.MESSAGES, MESSAGE_TEXT,
                    "body_text = NULL, from_address = NULL, from_name = NULL, subject = NULL, note = NULL"),
            // Mail programs put the sender's domain or computer name into Message-IDs.
            Erasure.update("messages", "id", Rows.MESSAGES, "message_id IS NOT NULL", "message_id = NULL"),
            Erasure.update("participants", "case_id", Rows.CASE, "name IS NOT NULL OR address IS NOT NULL",
                    "name = NULL, address = NULL"),
            Erasure.update("events", "case_id", Rows.CASE, "detail IS NOT NULL", "detail = NULL"),
            Erasure.update("events", "message_row", Rows.MESSAGES, "detail IS NOT NULL", "detail = NULL"),
            Erasure.update("outbox", "case_id", Rows.CASE, OUTBOX_TEXT, OUTBOX_ERASED),
            Erasure.update("outbox", "cause_message", Rows.MESSAGES, OUTBOX_TEXT, OUTBOX_ERASED),
            Erasure.update("drafts", "case_id", Rows.CASE, "decision_note IS NOT NULL", "decision_note = NULL"),
            Erasure.update("draft_messages", "draft_id", Rows.DRAFTS,
                    "recipient <> '' OR recipient_name IS NOT NULL OR subject <> '' OR text_body <> '' "
                            + "OR html_body IS NOT NULL OR in_reply_to IS NOT NULL",
                    "recipient = '', recipient_name = NULL, subject = '', text_body = '', html_body = NULL, "
                            + "in_reply_to = NULL"),
            // A reason such as "recorded as the reported person" says who was reported.
            Erasure.update("case_members", "case_id", Rows.CASE, "reason IS NOT NULL", "reason = NULL"),
            Erasure.update("cases", "id", Rows.CASE,
                    "subject IS NOT NULL OR summary IS NOT NULL OR incident_when IS NOT NULL "
                            + "OR incident_where IS NOT NULL",
                    "subject = NULL, summary = NULL, incident_when = NULL, incident_where = NULL"));

    private final TransactionOperations<Connection> tx;
    private final ConnectionOperations<Connection> connections;
    private final EventRepository events;
    private final Path oversizedDir;
    private final Settings settings;
    private final TransparencyReport transparency;
    private final Clock clock;

    public Purge(TransactionOperations<Connection> tx, ConnectionOperations<Connection> connections,
                 EventRepository events, TransparencyReport transparency, Settings settings, Clock clock) {
        this.tx = tx;
        this.connections = connections;
        this.events = events;
        this.oversizedDir = settings.oversizedDir().toAbsolutePath().normalize();
        this.settings = settings;
        this.transparency = transparency;
        this.clock = clock;
    }

    /** The instant a date stands for: the start of that day, UTC. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** What {@link #erase} would erase now, changing nothing. */
    public PurgeReport preview(LocalDate closedBefore) {
        return tx.executeRead(status -> {
            Connection c = status.getConnection();
            PurgeReport total = new PurgeReport(closedBefore, 0, 0, 0, 0);
            for (CaseRows rows : casesHoldingPersonalData(c, closedBefore)) {
                total = total.plus(count(c, rows, closedBefore));
            }
            return total;
        });
    }

    /** Erases, then compacts the database file. Returns what was erased. */
    public PurgeReport erase(LocalDate closedBefore) {
        PurgeReport report = tx.executeWrite(status -> {
            Connection c = status.getConnection();
            // Freed space is zeroed, so erased values do not linger in free pages.
            execute(c, "PRAGMA secure_delete = ON");
            PurgeReport total = new PurgeReport(closedBefore, 0, 0, 0, 0);
            List<CaseRows> due = casesHoldingPersonalData(c, closedBefore);
            // Read before the names are erased: afterwards no report could tell a name in a summary.
            List<String> identifying = transparency.identifying();
            for (CaseRows rows : due) {
                total = total.plus(count(c, rows, closedBefore));
                withdrawIdentifyingSummary(c, rows.caseId(), identifying);
                List<Path> files = files(c, rows);
                for (Erasure e : ERASURES) {
                    e.apply(c, rows);
                }
                events.save(new CaseEvent(null, rows.caseId(), clock.instant(), Actor.CONDUCTD, EventKind.PURGED, null, null));
                // Deleted before the commit: if the commit fails, a second run finds the rows and erases them.
                for (Path file : files) {
                    delete(file);
                }
            }
            return total;
        });
        compact();
        return report;
    }

    /**
     * The public summary outlives the purge, but the names the transparency report checks it
     * against do not. A summary that names someone, or gives an address, case number or date,
     * is replaced now by what the report would show for it.
     */
    private static void withdrawIdentifyingSummary(Connection c, long caseId, List<String> identifying) {
        List<String> summary = strings(c, "SELECT public_summary FROM cases WHERE id = ? AND public_summary IS NOT NULL",
                List.of(caseId));
        if (summary.isEmpty() || summary.get(0).isBlank()
                || TransparencyReport.publishable(summary.get(0), identifying)) {
            return;
        }
        String sql = "UPDATE cases SET public_summary = ? WHERE id = ?";
        try (PreparedStatement s = prepare(c, sql, List.of(TransparencyReport.REMOVED, caseId))) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(sql + ": " + e.getMessage(), e);
        }
    }

    private List<CaseRows> casesHoldingPersonalData(Connection c, LocalDate closedBefore) {
        List<Long> closed = longs(c, "SELECT id FROM cases WHERE state = ? AND closed_at < ? ORDER BY id",
                List.of(CaseState.CLOSED.name(), startOf(closedBefore).toEpochMilli()));
        List<CaseRows> due = new ArrayList<>();
        for (long caseId : closed) {
            CaseRows rows = rowsOf(c, caseId);
            if (ERASURES.stream().anyMatch(e -> e.remaining(c, rows) > 0)) {
                due.add(rows);
            }
        }
        return due;
    }

    /**
     * The case's messages; the redelivered copies of them, which ingest keeps in no case with
     * the note "duplicate of Message-ID ..." (see BatchIntake); and the mail kept in no case
     * that belongs to it or names it: copies of conductd's own mail about it, bounces of that
     * mail, and quarantined mail that answers it, each found by a Message-ID of the case's
     * mail or its subject tag in the stored bytes.
     */
    private CaseRows rowsOf(Connection c, long caseId) {
        List<Long> messages = longs(c, "SELECT id FROM messages WHERE case_id = ? "
                + "UNION SELECT d.id FROM messages d JOIN messages m ON d.note = 'duplicate of Message-ID ' || m.message_id "
                + "WHERE m.case_id = ? AND d.case_id IS NULL AND d.disposition = 'DUPLICATE' "
                + "UNION SELECT k.id FROM messages k JOIN raw_messages r ON r.message_row = k.id "
                + "WHERE k.case_id IS NULL AND k.disposition IN ('OWN', 'BOUNCE', 'QUARANTINED') AND r.bytes IS NOT NULL "
                + "AND (instr(r.bytes, CAST(? AS BLOB)) > 0 OR EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = ? "
                + "AND o.message_id <> '' AND instr(r.bytes, CAST(o.message_id AS BLOB)) > 0))",
                List.of(caseId, caseId, caseTag(caseId), caseId));
        List<Long> drafts = longs(c, "SELECT id FROM drafts WHERE case_id = ?", List.of(caseId));
        return new CaseRows(caseId, messages, drafts);
    }

    private String caseTag(long caseId) {
        return settings.caseTag(caseId);
    }

    private PurgeReport count(Connection c, CaseRows rows, LocalDate closedBefore) {
        String in = Rows.MESSAGES.in(rows);
        long messages = single(c, "SELECT COUNT(*) FROM messages m WHERE m.id IN " + in + " AND (" + MESSAGE_TEXT
                + " OR EXISTS (SELECT 1 FROM raw_messages r WHERE r.message_row = m.id)"
                + " OR EXISTS (SELECT 1 FROM attachments a WHERE a.message_row = m.id))", rows.messages());
        long attachments = single(c, "SELECT COUNT(*) FROM attachments WHERE message_row IN " + in, rows.messages());
        int files = (int) files(c, rows).stream().filter(Files::exists).count();
        return new PurgeReport(closedBefore, 1, (int) messages, (int) attachments, files);
    }

    /** The oversized-mail files the case's raw messages name; a name that would leave the folder is ignored. */
    private List<Path> files(Connection c, CaseRows rows) {
        List<Path> files = new ArrayList<>();
        for (String name : strings(c, "SELECT file_name FROM raw_messages WHERE file_name IS NOT NULL AND message_row IN "
                + Rows.MESSAGES.in(rows), rows.messages())) {
            Path file = oversizedDir.resolve(name).normalize();
            if (oversizedDir.equals(file.getParent())) {
                files.add(file);
            }
        }
        return files;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /**
     * Rewrites the database without the erased data: the write-ahead log is emptied into the
     * file and truncated, the file is rebuilt by VACUUM (which cannot run inside a
     * transaction, hence a plain connection), and the log written by VACUUM is emptied too.
     */
    private void compact() {
        connections.executeWrite(status -> {
            Connection c = status.getConnection();
            execute(c, "PRAGMA secure_delete = ON");
            checkpoint(c);
            execute(c, "VACUUM");
            checkpoint(c);
            return null;
        });
    }

    private static void checkpoint(Connection c) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (r.next() && r.getInt(1) != 0) {
                throw new IllegalStateException("personal data was erased, but the database's write-ahead log is busy "
                        + "and still holds old copies; run purge again");
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot checkpoint the write-ahead log: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new DataAccessException(sql + ": " + e.getMessage(), e);
        }
    }

    private static long single(Connection c, String sql, List<?> values) {
        try (PreparedStatement s = prepare(c, sql, values); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new DataAccessException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<Long> longs(Connection c, String sql, List<?> values) {
        List<Long> found = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, values); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(r.getLong(1));
            }
            return found;
        } catch (SQLException e) {
            throw new DataAccessException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Connection c, String sql, List<?> values) {
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, values); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(r.getString(1));
            }
            return found;
        } catch (SQLException e) {
            throw new DataAccessException(sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<?> values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            s.setObject(i + 1, values.get(i));
        }
        return s;
    }

    /** The rows of one case the erasures address. */
    private record CaseRows(long caseId, List<Long> messages, List<Long> drafts) {
    }

    /** Which of a case's ids a table is keyed by. */
    private enum Rows {
        CASE, MESSAGES, DRAFTS;

        List<Long> of(CaseRows rows) {
            return switch (this) {
                case CASE -> List.of(rows.caseId());
                case MESSAGES -> rows.messages();
                case DRAFTS -> rows.drafts();
            };
        }

        /** "(?, ?, ?)", one placeholder per id; "(NULL)", which matches nothing, for none. */
        String in(CaseRows rows) {
            int n = of(rows).size();
            return n == 0 ? "(NULL)" : "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
        }
    }

    /**
     * One table's share of a purge: the rows of the case that still hold personal data
     * ({@code remains}) are deleted, or have {@code change} applied.
     */
    private record Erasure(String table, String key, Rows rows, String remains, String change) {

        static Erasure delete(String table, String key, Rows rows) {
            return new Erasure(table, key, rows, "1 = 1", null);
        }

        static Erasure update(String table, String key, Rows rows, String remains, String change) {
            return new Erasure(table, key, rows, remains, change);
        }

        private String where(CaseRows of) {
            return " WHERE " + key + " IN " + rows.in(of) + " AND (" + remains + ")";
        }

        long remaining(Connection c, CaseRows of) {
            return single(c, "SELECT COUNT(*) FROM " + table + where(of), rows.of(of));
        }

        void apply(Connection c, CaseRows of) {
            String sql = change == null ? "DELETE FROM " + table + where(of)
                    : "UPDATE " + table + " SET " + change + where(of);
            try (PreparedStatement s = prepare(c, sql, rows.of(of))) {
                s.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException(sql + ": " + e.getMessage(), e);
            }
        }
    }
}
