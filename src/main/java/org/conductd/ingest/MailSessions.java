package org.conductd.ingest;

import jakarta.mail.Session;
import java.util.Properties;
import org.conductd.config.MailServer;

/**
 * Jakarta Mail sessions for IMAP with every timeout set: Angus Mail's defaults are
 * infinite, and a socket without a timeout can hang the daemon forever.
 */
public final class MailSessions {

    private MailSessions() {
    }

    public static String imapProtocol(MailServer server) {
        return server.security() == MailServer.Security.TLS ? "imaps" : "imap";
    }

    public static Session imap(MailServer server, Properties extra) {
        String protocol = imapProtocol(server);
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        String timeout = Long.toString(server.timeout().toMillis());
        props.put("mail.store.protocol", protocol);
        props.put(p + "host", server.host());
        props.put(p + "port", Integer.toString(server.port()));
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        props.put(p + "connectionpooltimeout", timeout);
        // Bodies are fetched whole in batches; partial fetches would cost a round trip each.
        props.put(p + "partialfetch", "false");
        if (server.security() == MailServer.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (server.security() != MailServer.Security.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        props.putAll(extra);
        return Session.getInstance(props);
    }
}
