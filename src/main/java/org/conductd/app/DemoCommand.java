package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.conductd.reports.CaseListing;

/**
 * {@code demo}: an embedded GreenMail (SMTP and IMAP on loopback) with the conduct mailbox
 * and a sample team, and the real daemon against it. It sends one sample report and shows
 * its acknowledgement arriving, then keeps running for people to try their own mail.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run conductd against an embedded mail server with a sample team.")
final class DemoCommand implements Callable<Integer> {

    static final String DOMAIN = "example.org";
    static final String CONDUCT = "conduct@" + DOMAIN;
    static final String REPORTER = "reporter@example.net";
    static final List<String[]> TEAM = List.of(
            new String[] {"Alice Example", "alice@" + DOMAIN},
            new String[] {"Bob Example", "bob@" + DOMAIN},
            new String[] {"Carol Example", "carol@" + DOMAIN});

    @Option(names = "--smtp-port", defaultValue = "3025", description = "SMTP port of the demo mail server (0: any free port)")
    int smtpPort;

    @Option(names = "--imap-port", defaultValue = "3143", description = "IMAP port of the demo mail server (0: any free port)")
    int imapPort;

    @Option(names = "--http-port", defaultValue = "9090", description = "Port of /health and /metrics on 127.0.0.1 (0: any free port)")
    int httpPort;

    @Option(names = "--once", description = "Stop after the sample report has been acknowledged.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        DemoMailServer mail = DemoMailServer.start(smtpPort, imapPort);
        int smtp = mail.smtpPort();
        int imap = mail.imapPort();
        mail.addUser(CONDUCT, "conduct");
        mail.addUser(REPORTER, "reporter");
        for (String[] member : TEAM) {
            mail.addUser(member[1], member[1].substring(0, member[1].indexOf('@')));
        }
        Path data = Files.createTempDirectory("conductd-demo");
        Map<String, Object> properties = properties(smtp, imap, data);
        properties.put("micronaut.server.port", managementPort(httpPort));
        ApplicationContext context = Contexts.startWith(properties);
        try {
            Contexts.checkManagementPort(context);
        } catch (RuntimeException e) {
            context.close();
            mail.stop();
            throw e;
        }
        Daemon daemon = context.getBean(Daemon.class);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            context.close();
            mail.stop();
            stopped.countDown();
        }, "demo-shutdown"));
        Daemon.exitOnFatalError();
        daemon.start();
        ManagementServer management = Contexts.serveManagement(context);
        daemon.awaitFirstSync(Duration.ofSeconds(30));
        printWelcome(smtp, imap, data, management.getPort());

        sendSampleReport(smtp);
        MimeMessage ack = mail.awaitAcknowledgementTo(REPORTER, Duration.ofSeconds(60));
        if (ack == null) {
            System.out.println("The sample report was not acknowledged within a minute: see the log above.");
            return 1;
        }
        System.out.println();
        System.out.println("The sample report from " + REPORTER + " was acknowledged:");
        System.out.println("  Subject: " + ack.getSubject());
        System.out.println("  Auto-Submitted: " + ack.getHeader("Auto-Submitted", ","));
        System.out.println("  In-Reply-To: " + ack.getHeader("In-Reply-To", ","));
        System.out.println();
        System.out.print(context.getBean(CaseListing.class).list());
        if (once) {
            return 0;
        }
        System.out.println();
        System.out.println("conductd keeps running; press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    /** The asked port if it is free; otherwise (or for 0) Micronaut's "any free port". */
    private static int managementPort(int asked) {
        if (asked == 0) {
            return -1;
        }
        try (ServerSocket probe = new ServerSocket(asked, 1, InetAddress.getLoopbackAddress())) {
            return asked;
        } catch (IOException taken) {
            System.out.println("Port " + asked + " is taken; /health and /metrics use a free one instead.");
            return -1;
        }
    }

    private static Map<String, Object> properties(int smtp, int imap, Path data) {
        Map<String, Object> p = new HashMap<>();
        p.put(Contexts.DAEMON, true);
        p.put("conductd.event-name", "Example Conf 2026");
        p.put("conductd.address", CONDUCT);
        p.put("conductd.subject-tag", "CoC");
        p.put("conductd.imap.host", "127.0.0.1");
        p.put("conductd.imap.port", imap);
        p.put("conductd.imap.security", "none");
        p.put("conductd.imap.username", CONDUCT);
        p.put("conductd.imap.password", "conduct");
        p.put("conductd.smtp.host", "127.0.0.1");
        p.put("conductd.smtp.port", smtp);
        p.put("conductd.smtp.security", "none");
        p.put("conductd.smtp.username", CONDUCT);
        p.put("conductd.smtp.password", "conduct");
        p.put("conductd.poll-interval", "5s");
        p.put("conductd.emergency-contact", "If you are in danger, call 112 or find any staff member in an orange shirt.");
        p.put("conductd.organizers", List.of("orga@" + DOMAIN));
        p.put("conductd.appeals-contact", "leaders@" + DOMAIN);
        // A new secret every run: the demo's mail server and database are new every run too.
        p.put("conductd.security.token-secret", randomSecret());
        p.put("conductd.data-dir", data.toString());
        p.put("datasources.default.url", "jdbc:sqlite:" + data.resolve("conductd.db"));
        List<Map<String, Object>> team = TEAM.stream()
                .map(m -> Map.<String, Object>of("name", m[0], "email", m[1], "lead", m[1].startsWith("alice")))
                .toList();
        p.put("conductd.team", team);
        return p;
    }

    /** 256 random bits as hex, like {@code openssl rand -hex 32}. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void printWelcome(int smtp, int imap, Path data, int http) {
        System.out.println();
        System.out.println("conductd demo is running");
        System.out.println("  mail server: SMTP 127.0.0.1:" + smtp + ", IMAP 127.0.0.1:" + imap + " (no TLS)");
        System.out.println("  conduct address: " + CONDUCT + " (login " + CONDUCT + " / conduct)");
        for (String[] m : TEAM) {
            System.out.println("  responder " + m[0] + ": login " + m[1] + " / " + m[1].substring(0, m[1].indexOf('@')));
        }
        System.out.println("  a reporter: login " + REPORTER + " / reporter");
        System.out.println("  database and files: " + data);
        System.out.println("  health: http://127.0.0.1:" + http + "/health, metrics: http://127.0.0.1:" + http + "/metrics");
        System.out.println();
        System.out.println("Write a report with swaks:");
        System.out.println("  swaks --server 127.0.0.1:" + smtp + " --from you@example.net --to " + CONDUCT + " \\");
        System.out.println("        --header 'Subject: Harassment at the party' --body 'Someone kept following me.'");
        System.out.println("or point any mail client at the ports above and read the responders' mail over IMAP.");
    }

    private static void sendSampleReport(int smtp) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtp));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(props);
        MimeMessage report = new MimeMessage(session);
        report.setFrom(new InternetAddress(REPORTER, "Sam Reporter"));
        report.setRecipient(Message.RecipientType.TO, new InternetAddress(CONDUCT));
        report.setSubject("Unwelcome comments at the speakers' dinner");
        report.setText("Hello,\n\nat the speakers' dinner yesterday a attendee kept making comments about my "
                + "appearance after I asked them to stop.\n\nSam\n", "UTF-8");
        Transport.send(report);
        System.out.println();
        System.out.println("Sent a sample report from " + REPORTER + " to " + CONDUCT + " ...");
    }
}
