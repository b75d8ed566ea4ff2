package org.conductd.outbound;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why a message was not delivered, in the server's own words where it gave any, and whether
 * trying again can help. Pure: {@link DeliveryRecorder} records what it says.
 */
record SmtpFailure(boolean permanent, String reason) {

    private static final Pattern REPLY_CODE = Pattern.compile("^[45]\\d\\d(?:[ -][245]\\.\\d{1,3}\\.\\d{1,3})?");

    /**
     * What a failed send means. Angus Mail reports a recipient refused at RCPT TO as a plain
     * {@link SendFailedException} ("Invalid Addresses") with the server's reply nested behind
     * {@code getNextException()}, and a refusal at MAIL FROM or DATA as an
     * {@link SMTPSendFailedException}; so the whole chain is searched, outermost first, for
     * an SMTP reply code: 5xx is final, 4xx is worth another try. With no code at all, an
     * address the client itself rejected as invalid is final too; anything else (a dropped
     * connection, a timeout) is temporary.
     */
    static SmtpFailure of(MessagingException e) {
        List<Throwable> chain = chain(e);
        for (Throwable t : chain) {
            int code = replyCode(t);
            if (code >= 400) {
                String reply = t.getMessage() == null ? "" : t.getMessage().strip();
                return new SmtpFailure(code >= 500, reply.startsWith(Integer.toString(code)) ? reply : code + " " + reply);
            }
        }
        boolean invalidAddress = chain.stream().anyMatch(t -> t instanceof SendFailedException s
                && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0);
        return new SmtpFailure(invalidAddress, describe(e));
    }

    /** "550 5.1.1" from "550 5.1.1 &lt;...&gt;: User unknown"; "" when the reason starts with no reply code. */
    String replyCode() {
        Matcher code = REPLY_CODE.matcher(reason.strip());
        return code.find() ? code.group() : "";
    }

    /** The message of an exception and of what caused it, e.g. "Exception reading response: Connection reset". */
    static String describe(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e.getCause();
        return cause == null || cause.getMessage() == null ? text : text + ": " + cause.getMessage();
    }

    private static int replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException refused) {
            return refused.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException refused) {
            return refused.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException refused) {
            return refused.getReturnCode();
        }
        return 0;
    }

    /** Every exception reachable through {@code getNextException()} and {@code getCause()}, nearest first, each once. */
    private static List<Throwable> chain(Throwable first) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>(List.of(first));
        while (!queue.isEmpty()) {
            Throwable t = queue.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t instanceof MessagingException m && m.getNextException() != null) {
                queue.addLast(m.getNextException());
            }
            if (t.getCause() != null) {
                queue.addLast(t.getCause());
            }
        }
        return chain;
    }
}
