package org.conductd.app;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.conductd.config.Settings;
import org.reactivestreams.Publisher;

/**
 * "sync" in /health: when the mailbox was last read completely. DOWN when that is longer
 * ago than three poll intervals: reports are then waiting unread, whatever the cause
 * (server, credentials, database). Before the first sync since start-up it is UNKNOWN,
 * and DOWN once three poll intervals have passed without one.
 */
@Singleton
final class SyncHealthIndicator implements HealthIndicator {

    static final int MISSED_POLLS = 3;

    private final Daemon daemon;
    private final Duration limit;
    private final Clock clock;

    SyncHealthIndicator(Daemon daemon, Settings settings, Clock clock) {
        this.daemon = daemon;
        this.limit = settings.pollInterval().multipliedBy(MISSED_POLLS);
        this.clock = clock;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limitSeconds", limit.toSeconds());
        Optional<Instant> last = daemon.lastCompletedSync();
        Instant now = clock.instant();
        HealthStatus status;
        if (last.isPresent()) {
            Duration age = Duration.between(last.get(), now);
            status = age.compareTo(limit) > 0 ? HealthStatus.DOWN : HealthStatus.UP;
            details.put("lastSync", last.get().toString());
            details.put("ageSeconds", age.toSeconds());
        } else {
            boolean overdue = daemon.startedAt().map(started -> Duration.between(started, now).compareTo(limit) > 0)
                    .orElse(false);
            status = overdue ? HealthStatus.DOWN : HealthStatus.UNKNOWN;
            details.put("lastSync", "none since start-up");
        }
        return Publishers.just(HealthResult.builder("sync", status).details(details).build());
    }
}
