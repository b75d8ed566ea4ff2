package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conductd.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCheckTest {

    @Test
    void everyShippedTemplateIsCheckedAtStartUp() throws IOException {
        Set<String> shipped;
        try (Stream<Path> files = Files.list(Path.of("mail-templates"))) {
            shipped = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertEquals(shipped, Stream.of(TemplateId.values()).map(TemplateId::fileName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theShippedTemplatesRenderWithNoValuesAtAll() {
        new TemplateCheck(new TemplateRenderer(new TemplateSource(null))).checkAll();
    }

    @Test
    void aBrokenEditIsNamedWithTheTemplatesDirKey(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("draft-sent.md"), "Subject: {{tag}}\n\n{{#what}}unclosed\n");

        ConfigException e = assertThrows(ConfigException.class,
                () -> new TemplateCheck(new TemplateRenderer(new TemplateSource(dir))).checkAll());

        assertEquals("conductd.templates-dir", e.key());
        assertTrue(e.getMessage().contains("draft-sent"), e.getMessage());
    }
}
