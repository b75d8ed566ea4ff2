package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.conductd.config.ConfigException;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
