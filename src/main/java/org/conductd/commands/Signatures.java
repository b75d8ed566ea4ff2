package org.conductd.commands;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * Lines that start a signature: the "-- " delimiter (RFC 3676 section 4.3, often sent without its
 * space), and the one-line footers mobile and webmail clients add ("Sent from my iPhone"). The
 * footers are matched as whole lines and kept short, so that a sentence that happens to start the
 * same way ("Sent from my desk, which is easier…") stays text. The footers are RE2 patterns, so that
 * a line built to make them backtrack still takes linear time.
 */
final class Signatures {

    /** A device or app name: one to four words, an optional full stop. */
    private static final String DEVICE = "[\\p{L}\\p{N}&.'-]+( [\\p{L}\\p{N}&.'()-]+){0,3}\\.?";

    /** Any character but a line terminator, as {@code .} reads in java.util.regex. */
    private static final String ANY = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";

    /**
     * The end of a word, then up to {@code n} more characters: nothing, or a character that
     * cannot go on a word (letter, digit, underscore or combining mark) and {@code n - 1} more.
     */
    private static String wordEndThenUpTo(int n) {
        return "(?:[^\\p{L}\\p{Nd}_\\p{Mn}\\n\\r\\x{85}\\x{2028}\\x{2029}]" + ANY + "{0," + (n - 1) + "})?";
    }

    private static final List<Footer> CLIENT_FOOTERS = List.of(
            // iOS Mail, and Android clients imitating it, in the languages they ship
            footer("Sent from my " + DEVICE),
            footer("Von meinem " + DEVICE + " gesendet\\.?"),
            footer("Envoyé de mon " + DEVICE),
            footer("Enviado desde mi " + DEVICE),
            footer("Enviado do meu " + DEVICE),
            footer("Inviato dal mio " + DEVICE),
            footer("Inviato da " + DEVICE),
            footer("Verzonden (vanaf|met) (mijn )?" + DEVICE),
            footer("Skickat från min " + DEVICE),
            footer("Sendt fra min " + DEVICE),
            footer("Wysłane z (mojego )?" + DEVICE),
            footer("Отправлено с (моего )?" + DEVICE),
            // webmail and mail apps that sign for the user
            footer("Sent from (Yahoo Mail|Outlook|Mail for Windows|AOL Mobile Mail|ProtonMail|Proton Mail|"
                    + "Samsung|BlueMail|Blue Mail|Gmail|Spark|Newton|Edison Mail)" + wordEndThenUpTo(40)),
            footer("Get Outlook for (iOS|Android|Mac)\\.?( ?<[^>]*>)?"),
            footer("Sent (via|using|with) (BlackBerry|Sparrow|Spark|Airmail|Newton|Superhuman)" + wordEndThenUpTo(80)),
            footer("Sent wirelessly (from|via) (my )?BlackBerry" + ANY + "{0,80}"));

    /**
     * A sign-off written as a dash glued to the name ("-Abhishek Kona"), a common habit on
     * mailing lists. Only counted as the last line of the new text, because a dash glued to a
     * word elsewhere can be a list item or an option.
     */
    private static final Pattern DASH_SIGN_OFF = Pattern.compile("-\\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*){0,2}");

    private Signatures() {
    }

    /** Whether the line starts a signature, so that it and everything below it are not new text. */
    static boolean startsSignature(String line) {
        String text = line.strip();
        return isDelimiter(line) || CLIENT_FOOTERS.stream().anyMatch(f -> f.matches(text));
    }

    static boolean isDashSignOff(String line) {
        return DASH_SIGN_OFF.matches(line.strip());
    }

    /** The delimiter is a line of its own, "--" and blanks; "fix -- this" in a sentence is not one. */
    private static boolean isDelimiter(String line) {
        if (!line.startsWith("--")) {
            return false;
        }
        for (int i = 2; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && (c < '\t' || c > '\r')) {
                return false;
            }
        }
        return true;
    }

    private static Footer footer(String regex) {
        return new Footer(regex.substring(0, regex.indexOf(' ')), Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /**
     * A footer pattern and the word it opens with: most lines of a reply open with none, and a
     * plain comparison of one word is far cheaper than running a pattern.
     */
    private record Footer(String opening, Pattern pattern) {

        boolean matches(String text) {
            return text.regionMatches(true, 0, opening, 0, opening.length()) && pattern.matches(text);
        }
    }
}
