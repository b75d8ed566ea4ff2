package org.conductd.ingest;

import com.google.re2j.Pattern;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.conductd.ingest.ParseOutcome.Parsed;
import org.conductd.ingest.ParseOutcome.Unparseable;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MessageId;

/**
 * Turns the raw bytes of one received message into an {@link InboundMessage}, or into a
 * one-sentence reason why not. It never throws and its work is bounded: Mime4j runs with limits
 * on header count, field length and line length, and parts nested deeper than
 * {@value #MAX_NESTING} levels or more parts than configured end the parse. Sloppy but readable mail (bare newlines, missing
 * boundaries, unknown charsets) is accepted; a message without a header section or without a
 * usable From address is not.
 *
 * <p>Forwarded messages ({@code message/rfc822}) are not parsed into: they become attachments
 * holding the inner message's bytes.
 */
public class MessageParser {

    static final int MAX_HEADER_FIELDS = 2_000;
    static final int MAX_HEADER_FIELD_LENGTH = 100_000;
    static final int MAX_LINE_LENGTH = 1_000_000;
    static final long MAX_PART_LENGTH = 64L * 1024 * 1024;
    static final int MAX_NESTING = 50;

    private static final MimeConfig LIMITS = new MimeConfig.Builder()
            .setStrictParsing(false)
            // A line that is not a field (an mbox "From " line, a stray word) is skipped, not
            // taken as the start of the body, so one bad line does not lose the real headers.
            .setMalformedHeaderStartsBody(false)
            .setMaxHeaderCount(MAX_HEADER_FIELDS)
            .setMaxHeaderLen(MAX_HEADER_FIELD_LENGTH)
            .setMaxLineLen(MAX_LINE_LENGTH)
            .setMaxContentLen(MAX_PART_LENGTH)
            .build();

    /** Runs of ASCII control characters (Java's {@code \p{Cntrl}}), each made one space in a quarantine notice. */
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x1F\\x7F]+");

    /** The default of {@code max-mime-parts}: far more than any mail a person writes. */
    public static final int MAX_PARTS = 500;

    private final int maxParts;

    public MessageParser() {
        this(MAX_PARTS);
    }

    /** @param maxParts mail with more MIME parts than this is not parsed */
    public MessageParser(int maxParts) {
        this.maxParts = maxParts;
    }

    public ParseOutcome parse(byte[] raw) {
        MimeTokenStream tokens = new MimeTokenStream(LIMITS, DecodeMonitor.SILENT, null);
        tokens.setRecursionMode(RecursionMode.M_NO_RECURSE);
        tokens.parse(new ByteArrayInputStream(raw));
        try {
            return read(tokens);
        } catch (MimeException | IOException e) {
            return new Unparseable(overLimit(e));
        } catch (RuntimeException e) {
            // A parser bug on hostile input must cost one quarantined message, not the daemon.
            return new Unparseable("The MIME parser failed on this message ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    /** What could be read of a quarantined message's header, to tell the team which message it is. */
    public record HeaderPeek(String from, String subject) {
    }

    /**
     * Reads only the header section, keeping whatever fields came before any failure: for mail
     * that could not be parsed or was too large, so the quarantine notice can name it.
     */
    public HeaderPeek peek(byte[] head) {
        List<Field> fields = new ArrayList<>();
        try {
            MimeTokenStream tokens = new MimeTokenStream(LIMITS, DecodeMonitor.SILENT, null);
            tokens.setRecursionMode(RecursionMode.M_NO_RECURSE);
            tokens.parse(new ByteArrayInputStream(head));
            for (EntityState state = tokens.getState();
                 state != EntityState.T_END_HEADER && state != EntityState.T_END_OF_STREAM;
                 state = tokens.next()) {
                if (state == EntityState.T_FIELD) {
                    fields.add(HeaderText.readable(tokens.getField()));
                }
            }
        } catch (MimeException | IOException | RuntimeException e) {
            // keep the fields read so far
        }
        MessageHeaders headers = new MessageHeaders(fields);
        return new HeaderPeek(oneLine(headers.text("From")), oneLine(headers.text("Subject")));
    }

    private static String oneLine(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String line = CONTROLS.matcher(value).replaceAll(" ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private ParseOutcome read(MimeTokenStream tokens) throws IOException, MimeException {
        List<Field> messageFields = new ArrayList<>();
        List<Field> partFields = messageFields;
        MessageParts parts = new MessageParts();
        String mimeType = null;
        byte[] preamble = null;
        int depth = 0;
        int topParts = 0;
        int allParts = 0;
        for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
            switch (state) {
                case T_START_BODYPART:
                    depth++;
                    if (depth > MAX_NESTING) {
                        return new Unparseable("The message has parts nested more than "
                                + MAX_NESTING + " levels deep.");
                    }
                    topParts += depth == 1 ? 1 : 0;
                    if (++allParts > maxParts) {
                        return new Unparseable("The message has more than " + maxParts + " MIME parts.");
                    }
                    partFields = new ArrayList<>();
                    break;
                case T_END_BODYPART:
                    depth--;
                    break;
                case T_FIELD:
                    partFields.add(HeaderText.readable(tokens.getField()));
                    break;
                case T_START_MULTIPART:
                    if (depth == 0) {
                        mimeType = tokens.getBodyDescriptor().getMimeType();
                    }
                    break;
                case T_PREAMBLE:
                    if (depth == 0) {
                        preamble = tokens.getInputStream().readAllBytes();
                    }
                    break;
                case T_BODY:
                    BodyDescriptor body = tokens.getBodyDescriptor();
                    if (depth == 0) {
                        mimeType = body.getMimeType();
                    }
                    parts.add(lowerCase(body.getMimeType()), body.getCharset(), PartHeaders.of(partFields),
                            tokens.getDecodedInputStream().readAllBytes());
                    break;
                default:
                    break;
            }
        }
        if (topParts == 0 && preamble != null) {
            parts.addUnboundedMultipart(preamble);
        }
        return assemble(new MessageHeaders(messageFields), lowerCase(mimeType), parts);
    }

    private static ParseOutcome assemble(MessageHeaders headers, String mimeType, MessageParts parts) {
        if (headers.isEmpty()) {
            return new Unparseable("The message has no header section.");
        }
        EmailAddress from = headers.firstMailbox("From");
        if (from == null) {
            return new Unparseable("The message has no usable From address.");
        }
        return new Parsed(new InboundMessage(
                MessageId.parseOne(headers.text("Message-ID")),
                from,
                headers.mailboxes("Reply-To"),
                headers.mailboxes("To"),
                headers.mailboxes("Cc"),
                headers.returnPath(),
                headers.text("Subject"),
                headers.date(),
                MessageId.parseAll(headers.text("In-Reply-To")),
                MessageId.parseAll(headers.text("References")),
                parts.text(),
                parts.textFromHtml(),
                parts.html(),
                parts.attachments(),
                headers.decoded(),
                mimeType));
    }

    /** A sentence for the team; Mime4j's own messages may quote the offending line. */
    private static String overLimit(Exception e) {
        Throwable cause = e.getCause() instanceof MimeException ? e.getCause() : e;
        if (cause instanceof MaxHeaderLimitException) {
            return "The message has more than " + MAX_HEADER_FIELDS + " header fields.";
        }
        if (cause instanceof MaxHeaderLengthLimitException) {
            return "The message has a header field longer than " + MAX_HEADER_FIELD_LENGTH + " bytes.";
        }
        if (cause instanceof MaxLineLimitException) {
            return "The message has a line longer than " + MAX_LINE_LENGTH + " bytes.";
        }
        if (cause instanceof IOException) {
            return "The message has a part larger than " + MAX_PART_LENGTH + " bytes.";
        }
        return "The message's MIME structure could not be read.";
    }

    private static String lowerCase(String mimeType) {
        return mimeType == null ? "text/plain" : mimeType.toLowerCase(Locale.ROOT);
    }
}
