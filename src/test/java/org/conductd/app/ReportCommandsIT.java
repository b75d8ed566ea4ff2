package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code export-log} and {@code transparency-report} as commands, in this JVM, against the
 * database of a daemon that keeps running meanwhile (SPEC §2: one-shot commands may run
 * alongside the daemon).
 */
class ReportCommandsIT extends ConductdIT {

    record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs a command line with this test's configuration, capturing stdout and stderr. */
    Result run(String... args) throws Exception {
        Path config = data.resolve("conductd.yml");
        Files.writeString(config, new Yaml().dump(TestConductd.properties(mail, data)));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setProperty("micronaut.config.files", config.toString());
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Result(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.clearProperty("micronaut.config.files");
        }
    }

    @Test
    void exportLogPrintsTheCsvWhileTheDaemonRuns() throws Exception {
        mail.send("jo@example.net", "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();

        Result r = run("export-log", "--format", "csv");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("case,code_name,received_at,"), r.out());
        assertTrue(r.out().contains("\r\n1,"), r.out());
        assertTrue(r.out().contains("jo@example.net"), r.out());
    }

    @Test
    void transparencyReportPrintsMarkdownOrHtml() throws Exception {
        Result markdown = run("transparency-report", "--from", "2000-01-01", "--to", "2100-12-31");
        Result html = run("transparency-report", "--from", "2000-01-01", "--to", "2100-12-31", "--html");

        assertEquals(0, markdown.exit(), markdown.err());
        assertTrue(markdown.out().startsWith("# Test Conf: Code of Conduct transparency report"), markdown.out());
        assertEquals(0, html.exit(), html.err());
        assertTrue(html.out().startsWith("<html>"), html.out());
    }

    @Nested
    class BadArguments {

        void assertRefused(Result r, String named) {
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).contains(named), r.err());
            assertEquals("", r.out());
        }

        @Test
        void anUnknownFormatIsRefused() throws Exception {
            assertRefused(run("export-log", "--format", "xlsx"), "--format");
        }

        @Test
        void aDateThatIsNotIsoIsRefused() throws Exception {
            assertRefused(run("transparency-report", "--from", "2026-13-01", "--to", "2026-05-31"), "--from");
        }

        @Test
        void aMissingDateIsRefused() throws Exception {
            assertRefused(run("transparency-report", "--from", "2026-05-01"), "--to");
        }

        @Test
        void aPeriodEndingBeforeItStartsIsRefused() throws Exception {
            assertRefused(run("transparency-report", "--from", "2026-06-01", "--to", "2026-05-31"), "--from");
        }
    }
}
