package org.conductd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Mail built to break a mail reader: damaged copies of the real messages in the shared corpora
 * (cut short, bytes flipped, MIME boundaries dropped or damaged) and synthetic extremes (10,000
 * header fields, 1,000-deep multipart nesting, a 10 MB line). Every mutation is derived from the
 * message's name alone, so a failure names a message that the next run builds again byte for byte.
 */
public final class HostileMail {

    /** One message to feed to conductd: what it is, and its bytes. */
    public record Sample(String name, byte[] raw) {
        @Override
        public String toString() {
            return name + " (" + raw.length + " bytes)";
        }
    }

    /** The corpus folders holding messages, with which of their files are messages (as CorpusParsingTest reads them). */
    private static final Map<String, Predicate<String>> FOLDERS = Map.of(
            "mime4j/core/src/test/resources/testmsgs", name -> name.endsWith(".msg"),
            "flanker/tests/fixtures/messages", name -> true,
            "sisimai/maildir/bsd", name -> true,
            "talon", name -> name.endsWith(".eml"),
            "github-email_reply_parser/test/emails", name -> true);

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(\"([^\"\\r\\n]*)\"|([^;\\s\"]+))");
    private static final Pattern HEADER_END = Pattern.compile("\\r?\\n\\r?\\n");

    private HostileMail() {
    }

    /** The folder of the shared corpora: system property {@code conductd.corpora}, else ../shared/corpora. */
    public static Path corpora() {
        return Path.of(System.getProperty("conductd.corpora", "../shared/corpora")).toAbsolutePath().normalize();
    }

    /** Every message file of the corpora, sorted; empty where the corpora are absent. */
    public static List<Path> corpusFiles() {
        Path root = corpora();
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Predicate<String>> folder : FOLDERS.entrySet()) {
            Path dir = root.resolve(folder.getKey());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(file -> folder.getValue().test(file.getFileName().toString()))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(null);
        return files;
    }

    /** The name of a corpus file as tests show it: its path inside the corpora. */
    public static String nameOf(Path corpusFile) {
        return corpora().relativize(corpusFile.toAbsolutePath().normalize()).toString();
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Damaged copies of one message: cut at 10, 50 and 90 % and right after its header; one
     * byte, 1 % of all bytes, and bytes inside the header flipped; and where it declares a
     * MIME boundary, every delimiter line dropped, the closing delimiter dropped, the declared
     * boundary changed so that no delimiter matches it, and the parameter removed. Copies equal
     * to the original or to an earlier copy are left out.
     */
    public static List<Sample> mutationsOf(String name, byte[] raw) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int percent : new int[] {10, 50, 90}) {
            out.put("cut at " + percent + "%", Arrays.copyOf(raw, (int) ((long) raw.length * percent / 100)));
        }
        int headerEnd = headerEnd(raw);
        if (headerEnd > 0) {
            out.put("header only", Arrays.copyOf(raw, headerEnd));
        }
        Random random = new Random(name.hashCode());
        out.put("one byte flipped", flipped(raw, 1, raw.length, random));
        out.put("1% of bytes flipped", flipped(raw, Math.max(1, raw.length / 100), raw.length, random));
        if (headerEnd > 0) {
            out.put("header bytes flipped", flipped(raw, Math.max(1, headerEnd / 50), headerEnd, random));
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher declared = BOUNDARY.matcher(text);
        if (declared.find()) {
            String boundary = declared.group(2) != null ? declared.group(2) : declared.group(3);
            String delimiter = "(?m)^--" + Pattern.quote(boundary);
            out.put("boundaries dropped", latin1(text.replaceAll(delimiter + ".*(\\r?\\n|$)", "")));
            out.put("closing boundary dropped", latin1(text.replaceAll(delimiter + "--.*(\\r?\\n|$)", "")));
            out.put("boundary damaged", latin1(text.substring(0, declared.start())
                    + "boundary=\"" + boundary + "-damaged\"" + text.substring(declared.end())));
            out.put("boundary parameter dropped", latin1(text.substring(0, declared.start()) + text.substring(declared.end())));
        }
        List<Sample> samples = new ArrayList<>();
        List<byte[]> seen = new ArrayList<>(List.of(raw));
        for (Map.Entry<String, byte[]> m : out.entrySet()) {
            if (seen.stream().noneMatch(s -> Arrays.equals(s, m.getValue()))) {
                seen.add(m.getValue());
                samples.add(new Sample(name + ": " + m.getKey(), m.getValue()));
            }
        }
        return samples;
    }

    /** Up to {@code count} of the samples, the same ones on every run: chosen by a random seeded with {@code seed}. */
    public static List<Sample> seededChoice(List<Sample> samples, int count, String seed) {
        List<Sample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(seed.hashCode()));
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    /** A report with 10,000 header fields. */
    public static Sample tenThousandHeaderFields() {
        StringBuilder m = new StringBuilder(head("10,000 header fields"));
        for (int i = 0; i < 10_000; i++) {
            m.append("X-Filler-").append(i).append(": value ").append(i).append("\r\n");
        }
        return new Sample("10,000 header fields", latin1(m.append("\r\nThe body.\r\n").toString()));
    }

    /** A report whose multipart parts are nested 1,000 deep. */
    public static Sample thousandDeepNesting() {
        StringBuilder m = new StringBuilder(head("1,000-deep nesting"));
        for (int i = 0; i < 1_000; i++) {
            m.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        m.append("Content-Type: text/plain\r\n\r\ninnermost\r\n");
        for (int i = 999; i >= 0; i--) {
            m.append("--b").append(i).append("--\r\n");
        }
        return new Sample("1,000-deep nesting", latin1(m.toString()));
    }

    /**
     * A report whose body is one line of 10 MB: words and ASCII punctuation, which Markdown
     * escaping multiplies, and markup, so every step that copies or escapes the text works hard.
     */
    public static Sample tenMegabyteLine() {
        String unit = "word *emph* [l](javascript:x) <b>&amp; \\ ` ";
        StringBuilder m = new StringBuilder(head("a 10 MB line"));
        m.append("\r\n");
        int length = 10 * 1024 * 1024;
        while (m.length() < length) {
            m.append(unit);
        }
        return new Sample("a 10 MB line", latin1(m.append("\r\n").toString()));
    }

    private static String head(String subject) {
        return "From: Hostile Sender <hostile@example.net>\r\nTo: conduct@example.org\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "@hostile.example.net>\r\n";
    }

    /** Where the header section ends (just after its blank line), or -1. */
    private static int headerEnd(byte[] raw) {
        Matcher m = HEADER_END.matcher(new String(raw, StandardCharsets.ISO_8859_1));
        return m.find() ? m.end() : -1;
    }

    /** {@code count} random positions below {@code limit} set to a different random byte. */
    private static byte[] flipped(byte[] raw, int count, int limit, Random random) {
        byte[] copy = raw.clone();
        if (limit == 0) {
            return copy;
        }
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(limit);
            copy[at] = (byte) (copy[at] ^ (1 + random.nextInt(255)));
        }
        return copy;
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
