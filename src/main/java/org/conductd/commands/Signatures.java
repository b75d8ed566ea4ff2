package org.conductd.commands;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines that start a signature: the "-- " delimiter (RFC 3676 section 4.3, often sent without its
 * space), and the one-line footers mobile and webmail clients add ("Sent from my iPhone"). The
 * footers are matched as whole lines and kept short, so that a sentence that happens to start the
 * same way ("Sent from my desk, which is easier…") stays text.
 */
final class Signatures {

    /** A device or app name: one to four words, an optional full stop. */
    private static final String DEVICE = "[\\p{L}\\p{N}&.'-]+( [\\p{L}\\p{N}&.'()-]+){0,3}\\.?";

    private static final List<Pattern> CLIENT_FOOTERS = List.of(
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
                    + "Samsung|BlueMail|Blue Mail|Gmail|Spark|Newton|Edison Mail)\\b.{0,40}"),
            footer("Get Outlook for (iOS|Android|Mac)\\.?( ?<[^>]*>)?"),
            footer("Sent (via|using|with) (BlackBerry|Sparrow|Spark|Airmail|Newton|Superhuman)\\b.{0,80}"),
            footer("Sent wirelessly (from|via) (my )?BlackBerry.{0,80}"));

    /** The delimiter is a line of its own; "fix -- this" in a sentence is not one. */
    private static final Pattern DELIMITER = Pattern.compile("^--\\s*$");

    /**
     * A sign-off written as a dash glued to the name ("-Abhishek Kona"), a common habit on
     * mailing lists. Only counted as the last line of the new text, because a dash glued to a
     * word elsewhere can be a list item or an option.
     */
    private static final Pattern DASH_SIGN_OFF = Pattern.compile("^-\\p{Lu}[\\p{L}.'-]*( \\p{Lu}[\\p{L}.'-]*){0,2}$");

    private Signatures() {
    }

    /** Whether the line starts a signature, so that it and everything below it are not new text. */
    static boolean startsSignature(String line) {
        String text = line.strip();
        return DELIMITER.matcher(line).matches()
                || CLIENT_FOOTERS.stream().anyMatch(p -> p.matcher(text).matches());
    }

    static boolean isDashSignOff(String line) {
        return DASH_SIGN_OFF.matcher(line.strip()).matches();
    }

    private static Pattern footer(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
