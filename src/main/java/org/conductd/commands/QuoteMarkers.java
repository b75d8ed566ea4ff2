package org.conductd.commands;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines mail clients write around quoted text, as data: quote prefixes, "On … wrote:"
 * attributions in several languages, Outlook header blocks and the markers before an original or
 * forwarded message. Each predicate looks at plain-text lines only; which of them ends the new
 * text is {@link ReplyTrimmer}'s decision.
 */
final class QuoteMarkers {

    /** Gmail wraps a long attribution, so one may span up to this many lines. */
    static final int ATTRIBUTION_MAX_LINES = 3;

    private static final int ATTRIBUTION_MAX_CHARS = 300;

    private static final int VERB_FLAGS =
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Every client prefixes quoted lines with ">", some indent them by a space first. */
    private static final Pattern QUOTE = Pattern.compile("^[ \\t]*>");

    /**
     * The verb of an attribution line, by language. Most languages end the line with it ("… wrote:");
     * German, Dutch and the Scandinavian languages may name the author after it
     * ("Am 1. Mai schrieb Anna <a@b.de>:").
     */
    private static final List<Pattern> ATTRIBUTION_VERBS = List.of(
            verbLast("wrote|writes"),                          // English: "On … wrote:"
            verbLast("a écrit|écrit"),                         // French: "Le … a écrit :"
            verbLast("escribió"),                              // Spanish: "El … escribió:"
            verbLast("ha scritto|scrive"),                     // Italian: "Il … ha scritto:"
            verbLast("escreveu"),                              // Portuguese: "Em … escreveu:"
            verbLast("napisał\\(a\\)|napisała|napisał"),       // Polish: "W dniu … napisał(a):"
            verbLast("napsal\\(a\\)|napsala|napsal"),          // Czech
            verbLast("kirjoitti"),                             // Finnish
            verbLast("yazdı"),                                 // Turkish
            verbLast("написал\\(а\\)|написала|написал|пишет"), // Russian, also Android's "пользователь … написал:"
            verbThenAuthor("schrieb"),                         // German: "Am … schrieb …:"
            verbThenAuthor("schreef"),                         // Dutch: "Op … schreef …:"
            verbThenAuthor("skrev"));                          // Swedish, Danish, Norwegian: "Den … skrev …:"

    /**
     * Words an attribution starts with ("On", "Am", "Le", …). With one of these, or with a date or an
     * address in it, a verb line is an attribution even when no ">" quote follows it.
     */
    private static final Pattern ATTRIBUTION_START = Pattern.compile(
            "^(On|Am|Le|El|Op|Il|Em|Den|På|W dniu|Dne|Citando|Quoting|Zitat von)\\b.*",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern DIGIT_OR_ADDRESS = Pattern.compile("[0-9@]");

    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");

    /** A command line ("NOTE: …") is the author's own text, never a client's marker. */
    private static final Pattern COMMAND_LIKE = Pattern.compile("^[A-Z][A-Z-]{2,}:.*");

    /** Header names Outlook and webmail write above the original, in the languages they ship. */
    private static final Pattern FROM_HEADER = header(
            "From|De|Von|Van|Da|Od|Fra|Från|Feladó|Kimden|Lähettäjä|Nadawca|Afzender|Remetente|От|Від|发件人|寄件者|差出人");
    private static final Pattern OTHER_HEADER = header(
            "Sent|Date|To|Cc|Subject|Reply-To|"
                    + "Gesendet|Datum|An|Betreff|"                // German
                    + "Envoyé|Envoyé le|À|Objet|"                 // French
                    + "Enviado|Enviado el|Fecha|Para|Asunto|"     // Spanish, Portuguese
                    + "Verzonden|Aan|Onderwerp|"                  // Dutch
                    + "Inviato|Data|A|Oggetto|"                   // Italian
                    + "Assunto|"                                  // Portuguese
                    + "Skickat|Till|Ämne|Sendt|Til|Emne|"         // Swedish, Danish, Norwegian
                    + "Wysłano|Do|Temat|"                         // Polish
                    + "Odesláno|Komu|Předmět|"                    // Czech
                    + "Gönderildi|Kime|Konu|"                     // Turkish
                    + "Lähetetty|Vastaanottaja|Aihe|"             // Finnish
                    + "Отправлено|Дата|Кому|Тема|Копия|"          // Russian
                    + "发送时间|收件人|主题|日付|宛先|件名");

    /** A header block needs this many header lines in a row, one of them naming the sender. */
    private static final int HEADER_BLOCK_MIN_LINES = 2;

    /** Outlook writes at most From, Sent, To, Cc, Bcc, Subject, Importance; no need to read further. */
    private static final int HEADER_BLOCK_MAX_LINES = 8;

    /**
     * Lines after which everything is the original message: Outlook's and AOL's
     * "-----Original Message-----", Gmail's "---------- Forwarded message ---------", Apple
     * Mail's "Begin forwarded message:", and their translations.
     */
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^[-=_*\\s]*("
                    + "original message|forwarded message|message forwarded|begin forwarded message|"
                    + "ursprüngliche nachricht|weitergeleitete nachricht|anfang der weitergeleiteten nachricht|"
                    + "message d'origine|message original|message transféré|début du message réexpédié|"
                    + "mensaje original|mensaje reenviado|mensagem original|mensagem encaminhada|"
                    + "oorspronkelijk bericht|doorgestuurd bericht|"
                    + "messaggio originale|messaggio inoltrato|inizio messaggio inoltrato|"
                    + "ursprungligt meddelande|vidarebefordrat meddelande|oprindelig meddelelse|"
                    + "wiadomość oryginalna|oryginalna wiadomość|původní zpráva|"
                    + "исходное сообщение|пересылаемое сообщение|пересланное сообщение"
                    + ")\\s*:?[-=_*\\s]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Outlook's plain-text separator above the header block, and mailing lists' footer rule. */
    private static final Pattern UNDERSCORE_SEPARATOR = Pattern.compile("^\\s*_{10,}\\s*$");

    /** A horizontal rule some clients write above a header block ("-----------", "=========="). */
    private static final Pattern RULE = Pattern.compile("^\\s*([-_=*]\\s*){4,}$");

    private QuoteMarkers() {
    }

    static boolean isQuote(String line) {
        return QUOTE.matcher(line).find();
    }

    static boolean isRule(String line) {
        return RULE.matcher(line).matches();
    }

    /** "-----Original Message-----", a forward marker, or Outlook's row of underscores. */
    static boolean isOriginalMessageMarker(String line) {
        return ORIGINAL_MESSAGE.matcher(line).matches() || UNDERSCORE_SEPARATOR.matcher(line).matches();
    }

    /**
     * How many lines, from {@code start}, form an attribution ("On … wrote:"), or 0. Lines are
     * joined without crossing a blank line, since clients wrap a long attribution but never
     * leave a gap in it. An attribution has its verb and something specific: an opening word
     * such as "On", a date or an address; "as Kim wrote:" alone is the author's sentence.
     */
    static int attributionLength(List<String> lines, int start) {
        if (COMMAND_LIKE.matcher(lines.get(start).strip()).matches()) {
            return 0;
        }
        StringBuilder joined = new StringBuilder();
        for (int n = 1; n <= ATTRIBUTION_MAX_LINES && start + n <= lines.size(); n++) {
            String line = lines.get(start + n - 1).strip();
            if (line.isEmpty() || isQuote(line) || joined.length() + line.length() > ATTRIBUTION_MAX_CHARS) {
                return 0;
            }
            if (n > 1) {
                joined.append(' ');
            }
            joined.append(line);
            if (isAttribution(joined.toString())) {
                return n;
            }
            if (n == 1 && !isSpecific(line)) {
                // "Hi,\nOn … wrote:" is a greeting above an attribution: a wrapped attribution
                // already starts with its opening word, a date or an address.
                return 0;
            }
        }
        return 0;
    }

    private static boolean isAttribution(String text) {
        return text.endsWith(":")
                && ATTRIBUTION_VERBS.stream().anyMatch(p -> p.matcher(text).find())
                && isSpecific(text);
    }

    private static boolean isSpecific(String text) {
        return ATTRIBUTION_START.matcher(text).matches() || DIGIT_OR_ADDRESS.matcher(text).find();
    }

    /**
     * A line ending in a colon with a date and an address in it: the attribution of clients that
     * write no verb (Yandex: "26.06.2014, 14:41, "Anna" &lt;a@example.com&gt;:"). Only an
     * attribution when a quote follows it.
     */
    static boolean isDatedAddressLine(String line) {
        String text = line.strip();
        return text.length() <= ATTRIBUTION_MAX_CHARS
                && text.endsWith(":")
                && text.indexOf('@') >= 0
                && text.chars().anyMatch(Character::isDigit)
                && !COMMAND_LIKE.matcher(text).matches();
    }

    /** Whether the lines name a time of day or an address, as clients' attributions do. */
    static boolean namesTimeOrAddress(List<String> lines) {
        return lines.stream().anyMatch(line -> line.indexOf('@') >= 0 || TIME.matcher(line).find());
    }

    /**
     * Whether an Outlook-style header block ("From: …", "Sent: …", "To: …", "Subject: …") starts at
     * {@code start}: consecutive header lines, at least two, one of them naming the sender. Gmail's
     * plain text of a forwarded Outlook mail bolds the names ("*From:*"), which is allowed.
     */
    static boolean isHeaderBlock(List<String> lines, int start) {
        int headers = 0;
        boolean from = false;
        for (int i = start; i < Math.min(lines.size(), start + HEADER_BLOCK_MAX_LINES); i++) {
            String line = unbold(lines.get(i));
            boolean isFrom = FROM_HEADER.matcher(line).matches();
            if (!isFrom && !OTHER_HEADER.matcher(line).matches()) {
                break;
            }
            from |= isFrom;
            headers++;
        }
        return headers >= HEADER_BLOCK_MIN_LINES && from;
    }

    /** Whether the text, from its first non-blank line, starts with a header block. */
    static boolean startsWithHeaderBlock(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !isRule(l)).toList();
        return !lines.isEmpty() && isHeaderBlock(lines, 0);
    }

    private static String unbold(String line) {
        return line.strip().replace("*", "");
    }

    private static Pattern verbLast(String verbs) {
        return Pattern.compile("(^|[\\s>\"'])(" + verbs + ")\\s*:$", VERB_FLAGS);
    }

    private static Pattern verbThenAuthor(String verbs) {
        return Pattern.compile("(^|[\\s>\"'])(" + verbs + ")(\\s.{0,150})?:$", VERB_FLAGS);
    }

    private static Pattern header(String names) {
        return Pattern.compile("^(" + names + ")\\s*:(\\s.*|)$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
