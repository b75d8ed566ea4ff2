package org.conductd.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code /health} and {@code /metrics} on loopback, for {@code run} and {@code demo}. The
 * checks are Micronaut management's ({@link HealthEndpoint} with conductd's indicators) and
 * the metrics Micrometer's Prometheus registry; only the transport is the JDK's own HTTP
 * server. Two read-only paths on loopback do not need an HTTP framework, and serving them
 * here instead of through Micronaut's Netty server keeps some 5 MB of Netty out of the jar.
 * Requests run one at a time on one thread: the checks read the database and log in to the
 * mail servers, and a scraper asking twice at once should not double that.
 */
public final class ManagementServer implements AutoCloseable {

    static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Longer than any check takes: the mail servers' own timeouts end a slow one first. */
    private static final Duration HEALTH_WAIT = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private ManagementServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code address} (port 0: any free one) and serves the context's health and
     * metrics until {@link #close}.
     *
     * @throws IOException if the address cannot be bound
     */
    static ManagementServer start(ApplicationContext context, InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        // The beans are looked up at the first request, not here: the server starts beside the
        // daemon's first mailbox sync, which should not wait for the health checks' making.
        server.createContext("/health", exchange -> answer(exchange, () -> {
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            HealthResult result = Mono.from(health.getHealth(null)).block(HEALTH_WAIT);
            int status = result == null || HealthStatus.DOWN.equals(result.getStatus()) ? 503 : 200;
            return new Reply(status, "application/json", context.getBean(JsonMapper.class).writeValueAsBytes(result));
        }));
        server.createContext("/metrics", exchange -> answer(exchange, () -> new Reply(200, METRICS_CONTENT_TYPE,
                context.getBean(PrometheusMeterRegistry.class).scrape().getBytes(StandardCharsets.UTF_8))));
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "management-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new ManagementServer(server, executor);
    }

    /** The port it listens on. */
    public int getPort() {
        return server.getAddress().getPort();
    }

    /**
     * Stops listening at once. A scrape cut short is retried by its scraper; waiting for it
     * instead would cost the full wait every time on Java 17, whose server sleeps out the
     * delay even when nothing is being answered.
     */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private record Reply(int status, String contentType, byte[] body) {
    }

    private interface Answer {
        Reply get() throws IOException;
    }

    /** Answers a GET (or HEAD) of exactly the path; anything else is 404 or 405. */
    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!path.equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Reply reply;
            try {
                reply = answer.get();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not answer {}: {}", path, e.getClass().getSimpleName());
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }
}
