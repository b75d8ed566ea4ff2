package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as people run it, in its own JVM: outside any test transaction, so the
 * SQLite read-only pitfall (STACK.md 3) and start-up failures show up here if anywhere.
 * Run by Maven Failsafe after {@code package}.
 */
class PackagedIT {

    private static final Path JAR = Path.of("target", "conductd.jar");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return runWith(List.of(), args);
    }

    private Result runWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("conductd " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private void writeConfig(String imapHostLine) throws IOException {
        writeConfig(imapHostLine, "");
    }

    private void writeConfig(String imapHostLine, String more) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/conductd.yml"), """
                conductd:
                  event-name: "Jar Conf"
                  address: conduct@example.org
                  imap:
                %s
                    port: 1143
                    security: none
                    username: conduct@example.org
                    password: pw
                  smtp: { host: 127.0.0.1, port: 1025, security: none, username: conduct@example.org, password: pw }
                  team:
                    - { name: "Alice Example", email: alice@example.org }
                  appeals-contact: leaders@example.org
                  security: { token-secret: "a25011a74272b3baa2382bfece1c70050275db93627be347cf1af980506d4132" }
                datasources.default.url: jdbc:sqlite:data/conductd.db
                %s
                """.formatted(imapHostLine, more));
    }

    @Test
    void demoAcknowledgesItsSampleReport() throws Exception {
        Result r = run("demo", "--once", "--smtp-port", "0", "--imap-port", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("was acknowledged"), r.out());
        assertTrue(r.out().contains("[CoC #1]"), r.out());
        assertTrue(r.out().contains("/health"), r.out());
    }

    @Test
    void theProductionPathNeverLoadsTheDemosTestMailServer() throws Exception {
        writeConfig("    host: 127.0.0.1");
        Result r = runWith(List.of("-verbose:class"), "cases");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("org.conductd.app.DemoCommand"), "picocli read every command");
        assertFalse(r.out().contains("com.icegreen"), "GreenMail is loaded by demo only");
    }

    @Test
    void casesStartsNoHttpServer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Were the management server started, the port in use would stop the command with exit code 2.
            writeConfig("    host: 127.0.0.1", "micronaut.server.port: " + taken.getLocalPort());
            Result r = run("cases");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("case"), r.out());
        }
    }

    @Test
    void casesReadsTheDatabaseOutsideAnyTestTransaction() throws Exception {
        writeConfig("    host: 127.0.0.1");
        Result r = run("cases");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("case"), r.out());
        Path db = dir.resolve("data/conductd.db");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    }

    @Test
    void reportsReadTheDatabaseOutsideAnyTestTransaction() throws Exception {
        writeConfig("    host: 127.0.0.1");
        Result log = run("export-log");
        Result report = run("transparency-report", "--from", "2026-05-01", "--to", "2026-05-31");

        assertEquals(0, log.exit(), log.err());
        assertEquals("case,code_name,received_at,reporter_name,reporter_address,handlers,when,where,summary,"
                + "actions_taken,who_else_knows,reported_to_dsf,state\r\n", log.out());
        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().contains("Reports received: none"), report.out());
    }

    @Test
    void missingKeyStopsTheProgramWithOneLineNamingIt() throws Exception {
        writeConfig("    # host missing");
        Result r = run("cases");
        assertEquals(2, r.exit());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("conductd.imap.host"), lines.get(0));
    }

    @Test
    void unknownCaseIsAnErrorNamingIt() throws Exception {
        writeConfig("    host: 127.0.0.1");
        Result r = run("case", "99");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no case 99"), r.err());
    }

    @Test
    void badArgumentExitsWithTwo() throws Exception {
        Result r = run("case", "not-a-number");
        assertEquals(2, r.exit());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("not-a-number"), lines.get(0));
    }
}
