package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sisimai auto-reply and bounce, through the real daemon: each is stored and marked,
 * and none is answered. Skipped where the shared corpora are absent.
 */
class CorpusIngestIT {

    @TempDir
    Path data;

    @Test
    void noSisimaiAutoReplyOrBounceIsAnswered() throws Exception {
        Path folder = Path.of(System.getProperty("conductd.corpora", "../shared/corpora"), "sisimai", "maildir", "bsd");
        Assumptions.assumeTrue(Files.isDirectory(folder), "shared corpora not present");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        try (TestMail mail = new TestMail(); TestConductd conductd = new TestConductd(mail, data).start()) {
            for (Path file : files) {
                mail.deliverRaw(Files.readAllBytes(file));
            }
            conductd.settle();

            List<Flags> flags = mail.inboxFlags();
            assertEquals(files.size(), flags.size());
            assertTrue(flags.stream().allMatch(f -> f.contains("$ConductdProcessed") || f.contains("$ConductdQuarantined")),
                    "every message is stored and marked");
            List<String> team = TestConductd.TEAM.stream().map(m -> m[1]).toList();
            for (jakarta.mail.internet.MimeMessage m : mail.greenMail().getReceivedMessages()) {
                String kind = TestMail.header(m, "X-Conductd-Kind");
                if (kind == null) {
                    continue; // one of the corpus messages itself
                }
                String to = ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
                assertTrue(team.contains(to), kind + " mail went to " + to + ", not to the team");
                assertTrue(!kind.equals("ack"), "an automatic message was acknowledged");
            }
        }
    }
}
