package org.conductd.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the bytes of a text part into a string whatever the declared charset says. A charset
 * that is missing, wrong or unknown never fails: the bytes are read as UTF-8 when they are valid
 * UTF-8, else as Windows-1252, and undecodable bytes become U+FFFD.
 */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Labels that mail clients write but Java does not know, or knows as a narrower charset than
     * the senders actually use.
     */
    private static final Map<String, String> ALIASES = Map.of(
            // Browsers and mail clients decode "latin1" as Windows-1252; Outlook's curly quotes
            // and dashes sit in the 0x80-0x9F range that ISO-8859-1 leaves to control codes.
            "iso-8859-1", "windows-1252",
            "latin1", "windows-1252",
            // Outlook's name for Korean.
            "ks_c_5601-1987", "x-windows-949",
            // Hebrew "logical" order is a display hint; the bytes are ISO-8859-8.
            "iso-8859-8-i", "iso-8859-8");

    private TextDecoder() {
    }

    static String decode(byte[] bytes, String declaredCharset) {
        Charset charset = known(declaredCharset);
        if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
            return guess(bytes);
        }
        return replacing(bytes, charset);
    }

    /**
     * UTF-8 when the bytes are UTF-8, else Windows-1252, which maps every byte. Bytes that are
     * UTF-8 but for a stray invalid byte (a truncated name, a bad copy and paste) stay UTF-8,
     * with U+FFFD for the bad byte: Latin-1 text almost never contains a valid multi-byte
     * UTF-8 sequence, so one such sequence is taken as the sign.
     */
    static String guess(byte[] bytes) {
        return strictUtf8(bytes).orElseGet(
                () -> replacing(bytes, hasUtf8Sequence(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252));
    }

    /** The bytes read as UTF-8, or empty when they are not valid UTF-8. */
    static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** Whether a lead byte followed by the continuation bytes it announces occurs anywhere. */
    private static boolean hasUtf8Sequence(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            int continuations = lead >= 0xC2 && lead <= 0xDF ? 1
                    : lead >= 0xE0 && lead <= 0xEF ? 2
                    : lead >= 0xF0 && lead <= 0xF4 ? 3
                    : 0;
            if (continuations > 0 && i + continuations < bytes.length && continuationsFollow(bytes, i, continuations)) {
                return true;
            }
        }
        return false;
    }

    private static boolean continuationsFollow(byte[] bytes, int lead, int count) {
        for (int j = lead + 1; j <= lead + count; j++) {
            if ((bytes[j] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String replacing(byte[] bytes, Charset charset) {
        CharBuffer chars;
        try {
            chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException cannotHappenWhenReplacing) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return chars.toString();
    }

    /** The charset a label names, or null when the label is absent, malformed or unsupported. */
    static Charset known(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().toLowerCase(Locale.ROOT);
        name = ALIASES.getOrDefault(name, name);
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException illegalName) {
            return null;
        }
    }
}
