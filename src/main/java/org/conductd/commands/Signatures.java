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
            footer("Von meinem " + DEVICE + " gesendet\\.?"),                  // German
            footer("Gesendet (von|mit|über) (meinem |der )?" + DEVICE),
            footer("Envoyé (de|depuis|à partir de|avec) (mon |ma )?" + DEVICE),  // French
            footer("Enviado (desde|con) (mi )?" + DEVICE),                      // Spanish
            footer("Enviado (do|a partir do|pelo) (meu )?" + DEVICE),           // Portuguese
            footer("Inviato dal mio " + DEVICE),                                // Italian
            footer("Inviato da " + DEVICE),
            footer("Verzonden (vanaf|met|via) (mijn )?" + DEVICE),              // Dutch
            footer("Skickat från (min )?" + DEVICE),                            // Swedish
            footer("Sendt fra (min )?" + DEVICE),                               // Danish, Norwegian
            footer("Lähetetty (laitteesta )?" + DEVICE),                        // Finnish ("Lähetetty iPhonesta")
            footer("Wysłane z (mojego )?" + DEVICE),                            // Polish
            footer("Wysłano z (mojego )?" + DEVICE),
            footer("Odesláno z (mého )?" + DEVICE),                             // Czech
            footer("Отправлено (с|из) (моего |мобильной )?" + DEVICE),           // Russian
            footer("Надіслано (з|із) (мого )?" + DEVICE),                        // Ukrainian
            footerEndingWith("mdan gönderildi", DEVICE + "'?(u|ü|ı|i)mdan gönderildi\\.?"),  // Turkish ("iPhone'umdan")
            footerEndingWith("から送信", DEVICE + " ?から送信"),                 // Japanese ("iPhoneから送信")
            footer("从我的 ?" + DEVICE + " ?发送"),                               // Chinese, simplified
            footer("發自我的 ?" + DEVICE),
            footer("发自我的 ?" + DEVICE),
            footer("從我的 ?" + DEVICE + " ?(傳送|寄出|發送)"),                    // Chinese, traditional
            footer("내 " + DEVICE + "에서 보냄"),                                 // Korean ("내 iPhone에서 보냄")
            // Outlook for iOS and Android, in the languages it ships
            footer("(Get|Obtenir|Obtener|Ottieni|Obter|Holen Sie sich|Download) Outlook (for|pour|para|per|für|voor|för) "
                    + "(iOS|Android|Mac)\\.?( ?<[^>]*>)?"),
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

    /** Gmail tracking extensions mark a message with this one invisible-looking character on its own line. */
    private static final String TRACKING_MARK = "\u1427";

    /** Whether the line starts a signature, so that it and everything below it are not new text. */
    static boolean startsSignature(String line) {
        String text = line.strip();
        return isDelimiter(line) || text.equals(TRACKING_MARK) || CLIENT_FOOTERS.stream().anyMatch(f -> f.matches(text));
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
        int end = 0;
        while (end < regex.length() && regex.charAt(end) != ' ' && "([?".indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        return new Footer(regex.substring(0, end), "", Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** A footer that opens with the device's name and ends with these words. */
    private static Footer footerEndingWith(String ending, String regex) {
        return new Footer("", ending, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /**
     * A footer pattern and the words it opens or ends with: most lines of a reply have neither,
     * and a plain comparison is far cheaper than running a pattern.
     */
    private record Footer(String opening, String ending, Pattern pattern) {

        boolean matches(String text) {
            return text.regionMatches(true, 0, opening, 0, opening.length())
                    && text.regionMatches(true, text.length() - ending.length(), ending, 0, ending.length())
                    && pattern.matches(text);
        }
    }
}
