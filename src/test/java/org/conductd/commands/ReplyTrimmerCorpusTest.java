package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures reply trimming against other projects' reply corpora (the folder named by the system
 * property {@code conductd.corpora}; skipped when it is absent): mailgun/talon's standard and
 * HTML replies, which must come out as talon expects at 95 % or better, and the plain-text replies
 * of github/email_reply_parser with the reply text its test suite states. Each figure is printed
 * with its misses.
 */
class ReplyTrimmerCorpusTest {

    private static final double TALON_BAR = 0.95;
    private static final double GITHUB_BAR = 0.90;

    private static final String TALON_STANDARD = "talon/tests/fixtures/standard_replies";
    private static final String TALON_HTML = "talon/tests/fixtures/html_replies";
    private static final String GITHUB = "github-email_reply_parser/test/emails";

    private static final String TALON_HTML_EXPECTED = "Hi. I am fine.\nThanks,\nAlex";

    /**
     * The reply text github/email_reply_parser's test/email_reply_parser_test.rb states or implies
     * for a fixture: its first, visible fragments, without quote headers, quotes and signatures,
     * which it hides. Fixtures the test says nothing about the text of are left out. Where it
     * hides the author's own sign-off as a signature ("-Abhishek Kona"), the author's name is kept
     * here, as conductd keeps a valediction and name in the new text.
     */
    private static final Map<String, String> GITHUB_EXPECTED = Map.ofEntries(
            Map.entry("email_1_1.txt", """
                    Hi folks

                    What is the best way to clear a Riak bucket of all key, values after
                    running a test?
                    I am currently using the Java HTTP API.

                    -Abhishek Kona"""),
            Map.entry("email_1_2.txt", """
                    Hi,

                    You can list the keys for the bucket and call delete for each. Or if you
                    put the keys (and kept track of them in your test) you can delete them
                    one at a time (without incurring the cost of calling list first.)

                    Something like:

                            String bucket = "my_bucket";
                            BucketResponse bucketResponse = riakClient.listBucket(bucket);
                            RiakBucketInfo bucketInfo = bucketResponse.getBucketInfo();

                            for(String key : bucketInfo.getKeys()) {
                                riakClient.delete(bucket, key);
                            }


                    would do it.

                    See also

                    http://wiki.basho.com/REST-API.html#Bucket-operations

                    which says

                    "At the moment there is no straightforward way to delete an entire
                    Bucket. There is, however, an open ticket for the feature. To delete all
                    the keys in a bucket, you\u2019ll need to delete them all individually.\""""),
            Map.entry("email_1_3.txt", "Oh thanks.\n\nHaving the function would be great.\n\n-Abhishek Kona"),
            Map.entry("email_1_4.txt", "Awesome! I haven't had another problem with it."),
            Map.entry("email_1_5.txt", """
                    One: Here's what I've got.

                    - This would be the first bullet point that wraps to the second line
                    to the next
                    - This is the second bullet point and it doesn't wrap
                    - This is the third bullet point and I'm having trouble coming up with enough
                    to say
                    - This is the fourth bullet point

                    Two:
                    - Here is another bullet point
                    - And another one

                    This is a paragraph that talks about a bunch of stuff. It goes on and on
                    for a while."""),
            Map.entry("email_1_6.txt", "I get proper rendering as well.\n\nSent from a magnificent torch of pixels"),
            Map.entry("email_1_7.txt", ":+1:"),
            Map.entry("email_1_8.txt", "I will reply under this one\n\nand under this."),
            Map.entry("correct_sig.txt", "this is an email with a correct -- signature."),
            Map.entry("email_2_1.txt", "Outlook with a reply"),
            Map.entry("email_2_2.txt", "Outlook with a reply directly above line"),
            Map.entry("email_iPhone.txt", "Here is another email"),
            Map.entry("email_BlackBerry.txt", "Here is another email"),
            Map.entry("email_multi_word_sent_from_my_mobile_device.txt", "Here is another email"),
            Map.entry("email_sent_from_my_not_signature.txt",
                    "Here is another email\n\nSent from my desk, is much easier then my mobile phone."),
            Map.entry("email_bullets.txt", """
                    test 2 this should list second

                    and have spaces

                    and retain this formatting


                       - how about bullets
                       - and another"""),
            Map.entry("email_one_is_not_on.txt", """
                    Thank, this is really helpful.

                    One outstanding question I had:

                    Locally (on development), when I run..."""),
            Map.entry("email_sig_delimiter_in_middle_of_line.txt", """
                    Hi there!

                    Stuff happened.

                    And here is a fix -- this is not a signature.

                    kthxbai"""));

    private static Path corpora;

    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    @BeforeAll
    static void corporaArePresent() {
        String folder = System.getProperty("conductd.corpora");
        assumeTrue(folder != null && Files.isDirectory(Path.of(folder)),
                "no corpus folder (system property conductd.corpora): " + folder);
        corpora = Path.of(folder);
    }

    @Test
    void talonRepliesComeOutAsTalonExpectsAtNinetyFivePercent() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Path eml : files(TALON_STANDARD, ".eml")) {
            outcomes.add(talonStandard(eml));
        }
        for (Path html : files(TALON_HTML, ".html")) {
            String got = trimmer.trimHtml(Files.readString(html, StandardCharsets.UTF_8));
            outcomes.add(new Outcome(html.getFileName().toString(), TALON_HTML_EXPECTED, got,
                    collapsed(TALON_HTML_EXPECTED).equals(collapsed(got))));
        }
        double share = report("talon standard + HTML replies", outcomes);
        assertTrue(share >= TALON_BAR, "talon replies trimmed as expected: " + percent(share));
    }

    @Test
    void githubRepliesComeOutAsTheirTestSuiteStates() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Path txt : files(GITHUB, ".txt")) {
            String name = txt.getFileName().toString();
            String expected = GITHUB_EXPECTED.get(name);
            if (expected != null) {
                String got = trimmer.trimPlain(Files.readString(txt, StandardCharsets.UTF_8));
                outcomes.add(new Outcome(name, expected, got, lines(expected).equals(lines(got))));
            }
        }
        double share = report("github/email_reply_parser replies", outcomes);
        assertTrue(share >= GITHUB_BAR, "github replies trimmed as expected: " + percent(share));
    }

    /** email_reply_parser's own test only asks that this one is done within a second. */
    @Test
    void pathologicalReplyIsTrimmedWithinASecond() throws IOException {
        String text = Files.readString(corpora.resolve(GITHUB).resolve("pathological.txt"), StandardCharsets.UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> trimmer.trimPlain(text));
    }

    /**
     * A talon reply: the text/plain part with quotes removed, else the text/html part through the
     * HTML rules. talon's expected texts ({@code <name>_reply_text}) keep the signature, because
     * talon strips signatures in a separate step; they are compared as they are with
     * {@link ReplyTrimmer#withoutQuotes}, the same stage in conductd.
     */
    private Outcome talonStandard(Path eml) throws IOException, MessagingException {
        String name = eml.getFileName().toString();
        Path replyText = eml.resolveSibling(name.replaceFirst("\\.eml$", "") + "_reply_text");
        String expected = Files.exists(replyText) ? Files.readString(replyText, StandardCharsets.UTF_8) : "Hello";
        MimeMessage message;
        try (InputStream in = Files.newInputStream(eml)) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        String plain = part(message, "text/plain");
        String got = plain != null ? trimmer.withoutQuotes(plain) : trimmer.trimHtml(part(message, "text/html"));
        return new Outcome(name, expected, got, lines(expected).equals(lines(got)));
    }

    private static String part(Part part, String type) throws IOException, MessagingException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = part(body, type);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(corpora.resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The text's lines without trailing spaces and without blank lines around it. */
    private static String lines(String text) {
        return text.replace("\r\n", "\n").lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n")).strip();
    }

    private static String collapsed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static double report(String corpus, List<Outcome> outcomes) {
        long hits = outcomes.stream().filter(Outcome::hit).count();
        double share = outcomes.isEmpty() ? 0 : (double) hits / outcomes.size();
        StringBuilder report = new StringBuilder()
                .append(corpus).append(": ").append(hits).append('/').append(outcomes.size())
                .append(" = ").append(percent(share)).append('\n');
        for (Outcome miss : outcomes.stream().filter(o -> !o.hit()).toList()) {
            report.append("  miss ").append(miss.file())
                    .append("\n    expected: ").append(miss.expected().replace("\n", "\\n"))
                    .append("\n    got:      ").append(miss.got().replace("\n", "\\n")).append('\n');
        }
        System.out.print(report);
        return share;
    }

    private static String percent(double share) {
        return String.format("%.1f %%", share * 100);
    }

    private record Outcome(String file, String expected, String got, boolean hit) {
    }
}
