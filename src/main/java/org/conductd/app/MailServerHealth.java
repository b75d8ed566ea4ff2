package org.conductd.app;

import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.conductd.config.MailServer;
import org.reactivestreams.Publisher;

/**
 * The health of one mail server, found by logging in to it. A login may take up to the
 * configured timeout, so it runs on the I/O pool, never on the HTTP event loop, and its
 * result is kept for {@link #FRESH_FOR}: a monitor that asks every few seconds does not
 * open a connection every few seconds. Concurrent requests wait for one login.
 */
abstract class MailServerHealth implements HealthIndicator {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final String name;
    private final MailServer server;
    private final ExecutorService io;
    private final Clock clock;
    private HealthResult last;
    private Instant checkedAt = Instant.MIN;

    MailServerHealth(String name, MailServer server, ExecutorService io, Clock clock) {
        this.name = name;
        this.server = server;
        this.io = io;
        this.clock = clock;
    }

    /** Connects and logs in; throws what went wrong. */
    abstract void probe(MailServer server) throws Exception;

    @Override
    public Publisher<HealthResult> getResult() {
        HealthResult fresh = freshResult();
        return fresh != null ? Publishers.just(fresh) : new AsyncSingleResultPublisher<>(io, this::check);
    }

    private synchronized HealthResult freshResult() {
        return last != null && checkedAt.plus(FRESH_FOR).isAfter(clock.instant()) ? last : null;
    }

    private synchronized HealthResult check() {
        HealthResult fresh = freshResult();
        if (fresh != null) {
            return fresh;
        }
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("server", server.host() + ":" + server.port());
        details.put("security", server.security().name().toLowerCase(java.util.Locale.ROOT));
        details.put("checkedAt", now.toString());
        HealthResult.Builder result = HealthResult.builder(name);
        try {
            probe(server);
            result.status(HealthStatus.UP);
        } catch (Exception e) {
            details.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            result.status(HealthStatus.DOWN);
        }
        last = result.details(details).build();
        checkedAt = now;
        return last;
    }
}
