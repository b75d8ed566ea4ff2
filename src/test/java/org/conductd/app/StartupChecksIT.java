package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conductd.config.ConfigException;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** Problems a team can make in its own files stop the program at start-up, naming the key. */
class StartupChecksIT {

    @TempDir
    Path data;

    @Test
    void brokenEditedTemplateStopsStartUpNamingTheTemplate() throws Exception {
        Path templates = Files.createDirectories(data.resolve("templates"));
        Files.writeString(templates.resolve("ack.md"), "Subject: {{tag}}\n\nThanks {{#unclosed}} for writing.\n");
        try (TestMail mail = new TestMail()) {
            Map<String, Object> p = TestConductd.properties(mail, data);
            p.put("conductd.templates-dir", templates.toString());

            ConfigException e = assertThrows(ConfigException.class, () -> Contexts.startWith(p).close());
            assertEquals("conductd.templates-dir", e.key());
            assertTrue(e.getMessage().contains("template ack"), e.getMessage());
        }
    }

    @Test
    void editedTemplateThatRendersIsUsed() throws Exception {
        Path templates = Files.createDirectories(data.resolve("templates"));
        Files.writeString(templates.resolve("ack.md"), "Subject: {{tag}} received\n\nWe have your report.\n");
        try (TestMail mail = new TestMail()) {
            try (TestConductd conductd = new TestConductd(mail, data, Map.of("conductd.templates-dir", templates.toString()))) {
                conductd.start();
                mail.send("jane@example.net", "Report", "Text", Map.of());
                conductd.settle();
                assertEquals("[CoC #1] received", mail.receivedBy("jane@example.net", "ack").get(0).getSubject());
            }
        }
    }

    @Test
    void weakTokenSecretStopsTheProgramWithOneLineSayingHowToMakeOne() throws Exception {
        try (TestMail mail = new TestMail()) {
            Map<String, Object> p = TestConductd.properties(mail, data);
            p.put("conductd.security.token-secret", "conduct-team-secret");
            Path config = data.resolve("conductd.yml");
            Files.writeString(config, new Yaml().dump(p));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            System.setProperty("micronaut.config.files", config.toString());
            int exit;
            try {
                exit = Main.execute(CommandLine.defaultFactory(), new PrintWriter(out, true), new PrintWriter(err, true),
                        "cases");
            } finally {
                System.clearProperty("micronaut.config.files");
            }

            assertEquals(2, exit, err.toString());
            List<String> lines = err.toString().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), err.toString());
            assertTrue(lines.get(0).contains("conductd.security.token-secret")
                    && lines.get(0).contains("openssl rand -hex 32"), lines.get(0));
        }
    }

    @Test
    void misspelledKeyInTheFileStopsTheProgramNamingTheKeyItWasMeantToBe() throws Exception {
        try (TestMail mail = new TestMail()) {
            Map<String, Object> p = TestConductd.properties(mail, data);
            p.put("conductd.max-mesage-size", "10MB");
            Path config = data.resolve("conductd.yml");
            Files.writeString(config, new Yaml().dump(p));
            StringWriter err = new StringWriter();
            System.setProperty("micronaut.config.files", config.toString());
            int exit;
            try {
                exit = Main.execute(CommandLine.defaultFactory(), new PrintWriter(new StringWriter(), true),
                        new PrintWriter(err, true), "cases");
            } finally {
                System.clearProperty("micronaut.config.files");
            }

            assertEquals(2, exit, err.toString());
            assertEquals(List.of("conductd: configuration error: conductd.max-mesage-size: unknown key;"
                    + " did you mean conductd.max-message-size?"),
                    err.toString().lines().filter(l -> !l.isBlank()).toList());
        }
    }
}
