package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the shipped log layout writes never carries an email address (SPEC: never log addresses). */
class RedactedLogTest {

    /** The layout exactly as src/main/resources/logback.xml configures it. */
    private static String shippedPattern() throws Exception {
        try (InputStream in = RedactedLogTest.class.getResourceAsStream("/logback.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = xml.indexOf("<pattern>") + "<pattern>".length();
            return xml.substring(start, xml.indexOf("</pattern>"));
        }
    }

    private static String format(String message, Object[] args, Throwable thrown) throws Exception {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("redactedMsg", RedactedMessage::new);
        layout.getInstanceConverterMap().put("redactedEx", RedactedThrowable::new);
        layout.setPattern(shippedPattern());
        layout.start();
        Logger logger = context.getLogger("org.conductd.test");
        return layout.doLayout(new LoggingEvent(Logger.FQCN, logger, Level.ERROR, message, thrown, args));
    }

    @Test
    void anAddressInAnArgumentIsRedacted() throws Exception {
        String line = format("delivery failed: {}", new Object[] {"550 <jane.doe@home.example> unknown"}, null);
        assertFalse(line.contains("jane.doe@home.example"), line);
        assertTrue(line.contains("[address]"), line);
    }

    @Test
    void addressesInAnExceptionAndItsCausesAreRedacted() throws Exception {
        Exception cause = new SendFailedException("Invalid Addresses",
                new IllegalStateException("550 5.1.1 <reporter@private.example>: no such user"),
                new InternetAddress[] {new InternetAddress("reporter@private.example")}, null, null);
        String line = format("Message UID {} could not be handled", new Object[] {7},
                new RuntimeException("while sending to witness@private.example", cause));
        assertFalse(line.contains("@private.example"), line);
        assertTrue(line.contains("RuntimeException") && line.contains("at org.conductd"), "the stack trace is kept: " + line);
    }
}
