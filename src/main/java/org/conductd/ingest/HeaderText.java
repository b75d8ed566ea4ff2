package org.conductd.ingest;

import java.util.Arrays;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Header values as people should read them: unfolded, RFC 2047 encoded-words decoded, raw
 * 8-bit bytes understood, and free of control characters.
 */
final class HeaderText {

    private HeaderText() {
    }

    /**
     * The field with its value read from the raw bytes. Mime4j reads raw header bytes as UTF-8
     * and replaces what is not; but old clients put Latin-1 bytes in headers (a display name,
     * a file name), and those should read as letters, not as U+FFFD. So the bytes are read as
     * UTF-8 when they are valid UTF-8 (RFC 6532), else as Windows-1252. The value is unfolded
     * here, once, for everything that reads it later.
     */
    static Field readable(Field field) {
        ByteSequence raw = field.getRaw();
        if (!(field instanceof RawField rawField) || raw == null) {
            return field;
        }
        byte[] bytes = raw.toByteArray();
        int start = Math.min(rawField.getDelimiterIdx() + 1, bytes.length);
        String body = TextDecoder.guess(Arrays.copyOfRange(bytes, start, bytes.length));
        return new RawField(field.getName(), MimeUtil.unfold(body).stripLeading());
    }

    /** A value for reading: on one line, encoded-words decoded, control characters gone. */
    static String decode(String value) {
        if (value == null) {
            return null;
        }
        String text = DecoderUtil.decodeEncodedWords(MimeUtil.unfold(value), DecodeMonitor.SILENT);
        return withoutControls(text).strip();
    }

    /** A value on one line and otherwise as received: nothing decoded. */
    static String unfold(String value) {
        return value == null ? null : MimeUtil.unfold(value).strip();
    }

    /** Control characters (CR and LF included) become spaces, so a value stays on one line. */
    static String withoutControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }
}
