package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.commands.CommandParser;
import org.conductd.commands.ParseResult;
import org.conductd.commands.ReplyTrimmer;
import org.conductd.commands.RosterEntry;
import org.conductd.config.Settings;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MessageBudget;

/**
 * Trims the reply to the author's new text and reads its commands and discussion (SPEC §3.4).
 * Nothing quoted is ever read as a command. Read before the reply is authenticated, since
 * STATUS and HELP alone are answered without a token.
 */
@Singleton
final class ReadCommands implements Step<ResponderReply> {

    private final ReplyTrimmer trimmer = new ReplyTrimmer();
    private final CommandParser parser;

    ReadCommands(Settings settings) {
        this.parser = new CommandParser(settings.team().stream()
                .map(m -> new RosterEntry(m.name(), m.email().address(),
                        m.aliases().stream().map(EmailAddress::address).toList()))
                .toList(), settings.resolutions());
    }

    @Override
    public Outcome handle(ResponderReply r) {
        ReplyTrimmer.Reply reply = MessageBudget.within(() -> trimmer.read(r.message()));
        String actor = r.sender().email().address();
        ParseResult parsed = MessageBudget.within(() -> parser.parse(reply.newText(), reply.authorBlock(), actor));
        r.read(reply.newText(), parsed);
        return Outcome.GO_ON;
    }
}
