package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketException;
import org.conductd.outbound.OutboxSender.Failure;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the sender reads a failed send; exceptions built as Angus Mail 2.0.5 throws them. */
class OutboxSenderTest {

    private static final InternetAddress JANE = address("jane@example.net");

    /** A refusal at RCPT TO: a plain SendFailedException, the server's reply behind getNextException(). */
    private static SendFailedException refusedRecipient(int code, String reply) {
        SMTPAddressFailedException detail = new SMTPAddressFailedException(JANE, "RCPT TO:<jane@example.net>", code, reply);
        Address[] jane = {JANE};
        return code >= 500
                ? new SendFailedException("Invalid Addresses", detail, new Address[0], new Address[0], jane)
                : new SendFailedException("Invalid Addresses", detail, new Address[0], jane, new Address[0]);
    }

    @Nested
    class Classification {

        @Test
        void aRecipientRefusedWith550IsRefusedForGood() {
            Failure failure = OutboxSender.classify(refusedRecipient(550, "550 5.1.1 <jane@example.net>: user unknown\n"));

            assertTrue(failure.permanent());
            assertEquals("550 5.1.1 <jane@example.net>: user unknown", failure.reason());
        }

        @Test
        void aRecipientRefusedWith451IsWorthAnotherTry() {
            Failure failure = OutboxSender.classify(refusedRecipient(451, "451 4.3.0 try later"));

            assertFalse(failure.permanent());
            assertEquals("451 4.3.0 try later", failure.reason());
        }

        @Test
        void aRefusalAfterTheMessageTextIsRefusedForGood() {
            MessagingException refused = new SMTPSendFailedException("DATA", 554, "554 5.6.0 message refused", null,
                    new Address[0], new Address[] {JANE}, new Address[0]);

            assertTrue(OutboxSender.classify(refused).permanent());
        }

        @Test
        void aRefusedSenderIsRefusedForGood() {
            MessagingException refused = new SMTPSenderFailedException(address("conduct@example.org"),
                    "MAIL FROM:<conduct@example.org>", 553, "553 5.7.1 sender rejected");

            assertTrue(OutboxSender.classify(refused).permanent());
        }

        @Test
        void aReplyCodeIsFoundHoweverDeepItIsNested() {
            MessagingException wrapped = new MessagingException("sending failed",
                    new MessagingException("while sending", refusedRecipient(550, "550 no such user")));

            assertTrue(OutboxSender.classify(wrapped).permanent());
        }

        @Test
        void aReplyWithoutItsCodeInTheTextGetsTheCodeInFront() {
            assertEquals("452 mailbox full", OutboxSender.classify(refusedRecipient(452, "mailbox full")).reason());
        }

        @Test
        void anInvalidAddressWithoutAReplyCodeIsRefusedForGood() {
            SendFailedException invalid = new SendFailedException("Invalid Addresses",
                    new AddressException("Illegal address"), new Address[0], new Address[0], new Address[] {JANE});

            assertTrue(OutboxSender.classify(invalid).permanent());
        }

        @Test
        void aDroppedConnectionIsWorthAnotherTry() {
            Failure failure = OutboxSender.classify(
                    new MessagingException("Exception reading response", new SocketException("Connection reset")));

            assertFalse(failure.permanent());
            assertEquals("Exception reading response: Connection reset", failure.reason());
        }
    }

    private static InternetAddress address(String text) {
        try {
            return new InternetAddress(text);
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
