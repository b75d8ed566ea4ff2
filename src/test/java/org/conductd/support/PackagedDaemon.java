package org.conductd.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The config file with which the packaged jar runs as a daemon against the test's mail servers. */
public final class PackagedDaemon {

    private PackagedDaemon() {
    }

    /**
     * Writes {@code config/conductd.yml} below {@code dir} (the process's working directory):
     * a two-member team polling every second, the database in {@code data/}, the management
     * port chosen freely. {@code imapExtra} and {@code smtpExtra} are more inline keys, such
     * as {@code ", timeout: 5s"}.
     */
    public static void writeConfig(Path dir, String eventName, int imapPort, String imapExtra, int smtpPort,
                                   String smtpExtra) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/conductd.yml"), """
                conductd:
                  event-name: "%s"
                  address: conduct@example.org
                  imap: { host: 127.0.0.1, port: %d, security: none, username: %s, password: %s%s }
                  smtp: { host: 127.0.0.1, port: %d, security: none, username: %s, password: %s%s }
                  poll-interval: 1s
                  team:
                    - { name: "Alice Example", email: alice@example.org }
                    - { name: "Bob Builder", email: bob@example.org }
                  appeals-contact: leaders@example.org
                  security: { token-secret: "e4c32b76fd40a2050a0c63248af9288fedd69b05453a343708edee3dcb1210c7" }
                datasources.default.url: jdbc:sqlite:data/conductd.db
                micronaut.server.port: -1
                """.formatted(eventName, imapPort, TestMail.CONDUCT, TestMail.CONDUCT_PASSWORD, imapExtra,
                smtpPort, TestMail.CONDUCT, TestMail.CONDUCT_PASSWORD, smtpExtra));
    }
}
