package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.conductd.config.ConfigException;
import org.conductd.reports.CaseListing;
import org.conductd.support.Await;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.junit.jupiter.api.Test;

/** /health and /metrics of the running daemon, and no HTTP server for one-shot commands (SPEC §2). */
class ManagementIT extends ConductdIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> health() throws IOException, InterruptedException {
        HttpResponse<String> response = get(conductd.management("/health"));
        Map<String, Object> body = conductd.bean(JsonMapper.class).readValue(response.body(), Map.class);
        body.put("httpStatus", response.statusCode());
        return body;
    }

    @SuppressWarnings("unchecked")
    private static String status(Map<String, Object> health, String check) {
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        Map<String, Object> result = (Map<String, Object>) details.get(check);
        return result == null ? "missing" : (String) result.get("status");
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    @Test
    void healthIsUpWithDatabaseImapSmtpAndSyncWhenAllIsWell() throws Exception {
        conductd.settle();

        Map<String, Object> health = health();

        assertEquals(200, health.get("httpStatus"));
        assertEquals("UP", health.get("status"), health.toString());
        for (String check : new String[] {"database", "imap", "smtp", "sync"}) {
            assertEquals("UP", status(health, check), check + " in " + health);
        }
    }

    @Test
    void healthReportsADownImapServerByName() throws Exception {
        conductd.settle();
        mail.greenMail().getImap().stopService();

        Map<String, Object> health = health();

        assertEquals(503, health.get("httpStatus"));
        assertEquals("DOWN", health.get("status"));
        assertEquals("DOWN", status(health, "imap"), health.toString());
        assertEquals("UP", status(health, "smtp"), health.toString());
        assertEquals("UP", status(health, "database"), health.toString());
    }

    @Test
    void syncTurnsDownWhenTheMailboxHasNotBeenReadForThreePollIntervals() throws Exception {
        conductd.settle();
        mail.greenMail().getImap().stopService();

        // poll-interval is 1s in tests: three missed polls and a little more.
        Await.until("sync DOWN", Duration.ofSeconds(15), () -> {
            try {
                return "DOWN".equals(status(health(), "sync"));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void metricsCountAHandledReportInPrometheusFormat() throws Exception {
        mail.send("jane@example.net", "Report", "Someone followed me around.", Map.of());
        conductd.settle();

        HttpResponse<String> metrics = get(conductd.management("/metrics"));

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("conductd_messages_ingested_total 1.0"), text);
        assertTrue(text.contains("conductd_messages_quarantined_total 0.0"), text);
        assertTrue(text.contains("conductd_mail_sent_total 4.0"), "the acknowledgement and three notifications\n" + text);
        assertTrue(text.contains("conductd_outbox_depth 0.0"), text);
        assertTrue(text.contains("conductd_sync_lag_seconds "), text);
    }

    @Test
    void onlyReadingTheTwoPathsIsAnswered() throws Exception {
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(conductd.management("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("allow").orElse(""));
        assertEquals(404, get(conductd.management("/health/database")).statusCode());
        assertEquals(404, get(conductd.management("/metricsx")).statusCode());
        assertEquals(404, get(conductd.management("/")).statusCode());
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(conductd.management("/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void aScraperAskingForProtobufFirstGetsTheTextFormat() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(conductd.management("/metrics"))
                .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                        + "encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("conductd_outbox_depth "), metrics.body());
    }

    @Test
    void aOneShotCommandOpensNoHttpPort() throws Exception {
        int port = freePort();
        Map<String, Object> properties = TestConductd.properties(mail, data.resolve("one-shot"));
        properties.put("micronaut.server.port", port);

        try (ApplicationContext context = Contexts.startWith(properties)) {
            context.getBean(CaseListing.class).list();

            assertFalse(context.findBean(EmbeddedServer.class).map(EmbeddedServer::isRunning).orElse(false));
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        }
    }

    @Test
    void aManagementPortInUseIsAConfigurationErrorNamingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, Object> properties = TestConductd.properties(mail, data.resolve("second"));
            properties.put("micronaut.server.port", taken.getLocalPort());
            try (ApplicationContext context = Contexts.startWith(properties)) {
                ConfigException e = assertThrows(ConfigException.class, () -> Contexts.serveManagement(context));
                assertEquals("micronaut.server.port", e.key());
            }
        }
    }
}
