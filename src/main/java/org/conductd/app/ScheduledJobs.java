package org.conductd.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import org.conductd.compose.FloodSummaries;
import org.conductd.compose.Reminders;
import org.conductd.config.DigestProperties;
import org.conductd.reports.WeeklyDigest;

/** The daemon's timed work, each job one call. Only the daemon has it; one-shot commands never do. */
@Singleton
@Requires(property = Contexts.DAEMON, value = "true")
final class ScheduledJobs {

    private final WeeklyDigest digest;
    private final Reminders reminders;
    private final FloodSummaries floodSummaries;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    ScheduledJobs(WeeklyDigest digest, Reminders reminders, FloodSummaries floodSummaries,
                  TransactionOperations<Connection> tx, Clock clock) {
        this.floodSummaries = floodSummaries;
        this.digest = digest;
        this.reminders = reminders;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${conductd.digest.cron:" + DigestProperties.DEFAULT_CRON + "}",
            zoneId = "${conductd.digest.zone:" + DigestProperties.DEFAULT_ZONE + "}")
    void weeklyDigest() {
        digest.sendIfDue(clock.instant());
    }

    /**
     * Every quarter of an hour: reminders, and any digest still due, so that a cron tick that
     * fired a little early, or failed on a busy database, costs minutes rather than a week.
     */
    /** During a flood of reports: the summary of new cases for each responder, when one is due. */
    @Scheduled(fixedDelay = "${conductd.flood.check-every:1m}", initialDelay = "${conductd.flood.check-every:1m}")
    void floodSummaries() {
        tx.executeWrite(status -> floodSummaries.sendDue());
    }

    @Scheduled(fixedDelay = "15m", initialDelay = "2m")
    void quarterHourly() {
        digest.sendIfDue(clock.instant());
        tx.executeWrite(status -> reminders.sendDue());
    }
}
