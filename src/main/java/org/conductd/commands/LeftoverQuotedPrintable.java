package org.conductd.commands;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A reply text still in quoted-printable form: some gateways re-label a part's transfer encoding,
 * and the text then arrives with its soft line breaks ("w=" over "rote:") and escapes
 * ("12:53=E2=80=AFAM"), which hide attributions from the rules. Only text that can be nothing
 * else is decoded: plain ASCII, every "=" an escape or a soft break, several of each, and UTF-8
 * once decoded. Anything else is returned as it is.
 */
final class LeftoverQuotedPrintable {

    /** Fewer soft breaks and escapes than this are as likely to be someone's text. */
    private static final int MIN_SOFT_BREAKS = 2;
    private static final int MIN_ESCAPES = 2;

    private LeftoverQuotedPrintable() {
    }

    static String decoded(String text) {
        if (!looksEncoded(text)) {
            return text;
        }
        try (InputStream in = MimeUtility.decode(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "quoted-printable")) {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (MessagingException | IOException e) {
            // not UTF-8 once decoded (CharacterCodingException), or not quoted-printable after all
            return text;
        }
    }

    /** One pass over the text: ASCII only, and every "=" ends a line or starts an escape of two capital hex digits. */
    private static boolean looksEncoded(String text) {
        int softBreaks = 0;
        int escapes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7E || c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if (c != '=') {
                continue;
            }
            if (i + 1 == text.length() || text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r') {
                softBreaks++;
            } else if (i + 2 < text.length() && isHexDigit(text.charAt(i + 1)) && isHexDigit(text.charAt(i + 2))) {
                escapes++;
                i += 2;
            } else {
                return false;
            }
        }
        return softBreaks >= MIN_SOFT_BREAKS && escapes >= MIN_ESCAPES;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }
}
