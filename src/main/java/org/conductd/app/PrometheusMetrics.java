package org.conductd.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code /metrics} in Prometheus' text format. Micronaut's own Prometheus endpoint answers
 * at {@code /prometheus} and its {@code /metrics} endpoint in JSON; Prometheus scrapes
 * {@code /metrics} by default, so this serves the registry there and those two stay off.
 */
@Controller("/metrics")
final class PrometheusMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    PrometheusMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = CONTENT_TYPE)
    String scrape() {
        return registry.scrape();
    }
}
