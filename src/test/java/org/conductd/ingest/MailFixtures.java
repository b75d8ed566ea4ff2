package org.conductd.ingest;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.conductd.mail.InboundMessage;

/** Reads the scenario fixtures under src/test/resources/mail. */
final class MailFixtures {

    private static final MessageParser PARSER = new MessageParser();

    private MailFixtures() {
    }

    static byte[] raw(String scenario) {
        try (InputStream in = MailFixtures.class.getResourceAsStream("/mail/" + scenario + ".eml")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + scenario);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParseOutcome outcome(String scenario) {
        return PARSER.parse(raw(scenario));
    }

    static InboundMessage parsed(String scenario) {
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome(scenario)).message();
    }

    /** A message written inline in a test, with CRLF line ends as on the wire. */
    static InboundMessage parsedText(String message) {
        byte[] raw = message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return assertInstanceOf(ParseOutcome.Parsed.class, PARSER.parse(raw)).message();
    }
}
