package org.conductd.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes as a deployment writes it: "25MB", "25 MB", "512B" or "26214400". Its own
 * type so that {@link ConfigConverters} can bind it: Micronaut's readable-bytes conversion
 * refuses the space and a bare "B".
 */
public record ByteSize(long bytes) {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    /** The size {@code text} says, if it is one; a number alone counts bytes. */
    static Optional<ByteSize> parse(CharSequence text) {
        Matcher m = SIZE.matcher(text.toString().strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long unitBytes = switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            return Optional.of(new ByteSize(Math.multiplyExact(n, unitBytes)));
        } catch (ArithmeticException e) {
            // More bytes than a long holds is no size a mail server sends.
            return Optional.empty();
        }
    }
}
