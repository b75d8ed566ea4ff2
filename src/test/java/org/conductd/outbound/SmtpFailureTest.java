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
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the sender reads a failed send; exceptions built as Angus Mail 2.0.5 throws them. */
class SmtpFailureTest {

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
            SmtpFailure failure = SmtpFailure.of(refusedRecipient(550, "550 5.1.1 <jane@example.net>: user unknown\n"));

            assertTrue(failure.permanent());
            assertEquals("550 5.1.1 <jane@example.net>: user unknown", failure.reason());
        }

        @Test
        void aRecipientRefusedWith451IsWorthAnotherTry() {
            SmtpFailure failure = SmtpFailure.of(refusedRecipient(451, "451 4.3.0 try later"));

            assertFalse(failure.permanent());
            assertEquals("451 4.3.0 try later", failure.reason());
        }

        @Test
        void aRefusalAfterTheMessageTextIsRefusedForGood() {
            MessagingException refused = new SMTPSendFailedException("DATA", 554, "554 5.6.0 message refused", null,
                    new Address[0], new Address[] {JANE}, new Address[0]);

            assertTrue(SmtpFailure.of(refused).permanent());
        }

        @Test
        void aRefusedSenderIsRefusedForGood() {
            MessagingException refused = new SMTPSenderFailedException(address("conduct@example.org"),
                    "MAIL FROM:<conduct@example.org>", 553, "553 5.7.1 sender rejected");

            assertTrue(SmtpFailure.of(refused).permanent());
        }

        @Test
        void aReplyCodeIsFoundHoweverDeepItIsNested() {
            MessagingException wrapped = new MessagingException("sending failed",
                    new MessagingException("while sending", refusedRecipient(550, "550 no such user")));

            assertTrue(SmtpFailure.of(wrapped).permanent());
        }

        @Test
        void aReplyWithoutItsCodeInTheTextGetsTheCodeInFront() {
            assertEquals("452 mailbox full", SmtpFailure.of(refusedRecipient(452, "mailbox full")).reason());
        }

        @Test
        void anInvalidAddressWithoutAReplyCodeIsRefusedForGood() {
            SendFailedException invalid = new SendFailedException("Invalid Addresses",
                    new AddressException("Illegal address"), new Address[0], new Address[0], new Address[] {JANE});

            assertTrue(SmtpFailure.of(invalid).permanent());
        }

        @Test
        void aDroppedConnectionIsWorthAnotherTry() {
            SmtpFailure failure = SmtpFailure.of(
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
