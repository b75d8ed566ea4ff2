package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;

/** Automatic mail is kept but never answered, so conductd cannot loop with another robot (SPEC §4). */
class LoopProtectionIT extends ConductdIT {

    @Test
    void autoReplyIsNotAcknowledged() {
        mail.send("away@example.net", "Out of office", "I am away until Monday.", Map.of("Auto-Submitted", "auto-replied"));
        conductd.settle();

        assertTrue(mail.receivedBy("away@example.net").isEmpty());
        assertTrue(mail.inboxFlags().get(0).contains("$ConductdProcessed"));
    }

    @Test
    void bulkMailIsNotAcknowledged() {
        mail.send("news@example.net", "Our newsletter", "News.", Map.of("Precedence", "bulk"));
        conductd.settle();

        assertTrue(mail.receivedBy("news@example.net").isEmpty());
    }

    @Test
    void mailingListMailIsNotAcknowledged() {
        mail.send("list@example.net", "[list] topic", "Discussion.", Map.of("List-Id", "<list.example.net>"));
        conductd.settle();

        assertTrue(mail.receivedBy("list@example.net").isEmpty());
    }

    @Test
    void mailFromNoReplyAddressIsNotAcknowledged() {
        mail.send("no-reply@example.net", "Your ticket", "Thanks for buying.", Map.of());
        conductd.settle();

        assertTrue(mail.receivedBy("no-reply@example.net").isEmpty());
    }

    @Test
    void bounceFromMailerDaemonIsRecordedNeverAnsweredAndOpensNoCase() {
        mail.deliverRaw("""
                Return-Path: <>
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
                To: conduct@example.org
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                Your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; gone@example.net
                Action: failed
                Status: 5.1.1
                --b1--
                """);
        conductd.settle();

        assertTrue(mail.receivedBy("mailer-daemon@mx.example.net").isEmpty());
        assertEquals(0, conductd.bean(CaseRepository.class).count());
        assertEquals(1, conductd.bean(MessageRepository.class).findByDispositionOrderById(Disposition.BOUNCE).size());
        assertTrue(mail.inboxFlags().get(0).contains("$ConductdProcessed"));
    }

    @Test
    void acknowledgementsToOneAddressAreRateLimited() {
        for (int i = 0; i < 5; i++) {
            mail.send("flood@example.net", "Report " + i, "Text " + i, Map.of());
        }
        conductd.settle();

        assertEquals(5, conductd.bean(CaseRepository.class).count(), "every report still opens a case");
        assertEquals(3, mail.receivedBy("flood@example.net", "ack").size(), "at most 3 acknowledgements an hour");
    }

    @Test
    void ownMailSeenAgainIsNotHandled() {
        mail.send(TestMail.CONDUCT, "Something conductd sent", "Looped back.", Map.of());
        conductd.settle();

        assertEquals(0, conductd.bean(CaseRepository.class).count());
        assertTrue(mail.receivedBy(TestMail.CONDUCT).size() <= 1, "nothing sent back to the conduct address");
    }
}
