package org.conductd.intake;

import jakarta.inject.Singleton;
import java.util.List;
import org.conductd.ingest.FetchedMessage;
import org.conductd.ingest.ServerMark;
import org.conductd.mail.Arrival;

/**
 * The intake: what happens to each fetched message, in order. Each step is a small class
 * named for what it does; it lets the next step go on, or handles the message for good and
 * says which mark it gets on the server. The first list is every message's way; a team
 * member's mail to a case then takes the second. Runs inside the batch's transaction
 * ({@link BatchIntake}), so a message is stored and everything it causes is queued together,
 * or nothing is.
 */
@Singleton
public final class Intake {

    private final List<Step<Delivery>> messageSteps;
    private final List<Step<ResponderReply>> responderSteps;

    Intake(SkipStoredCopy skipStoredCopy, QuarantineOversized quarantineOversized,
           ParseOrQuarantine parseOrQuarantine, KeepOwnMail keepOwnMail, KeepDuplicate keepDuplicate,
           KeepMailFromConductAddress keepMailFromConductAddress, ClassifyAutomatic classifyAutomatic,
           FileBounce fileBounce, Store store, ThreadOrOpenCase threadOrOpenCase, IdentifyAuthor identifyAuthor,
           KeepAutomaticInCase keepAutomaticInCase, RelayFollowUp relayFollowUp, FlagAppeal flagAppeal,
           RefuseConflicted refuseConflicted, ReadCommands readCommands, Authenticate authenticate,
           FileReply fileReply, ReportCommandProblems reportCommandProblems, CheckAgainstCase checkAgainstCase,
           ApplyCommands applyCommands, RelayDiscussion relayDiscussion, SendCommandMail sendCommandMail,
           AnswerReply answerReply) {
        this.messageSteps = List.of(
                skipStoredCopy,              // the same bytes again get the stored copy's mark
                quarantineOversized,
                parseOrQuarantine,
                keepOwnMail,                 // a Message-ID conductd sent
                keepDuplicate,               // a Message-ID already stored: redelivered, or reused by its sender
                keepMailFromConductAddress,
                classifyAutomatic,
                fileBounce,                  // filed with the sent mail it returns
                store,                       // from here on the message is stored as received
                threadOrOpenCase,            // a message in no case opens one, and is done
                identifyAuthor,
                keepAutomaticInCase,
                this::routeTeamMail,         // a team member's mail takes the responder steps
                relayFollowUp,
                flagAppeal);
        this.responderSteps = List.of(
                refuseConflicted,
                readCommands,                // before authenticating: STATUS and HELP alone need no token
                authenticate,
                fileReply,
                reportCommandProblems,       // a bad line applies nothing
                checkAgainstCase,            // nor does a command the case's state forbids
                applyCommands,
                relayDiscussion,
                sendCommandMail,             // only once every change is made
                answerReply);
    }

    /** Takes one fetched message through the steps; in the caller's transaction. */
    ServerMark handle(FetchedMessage fetched, Arrival arrival) {
        return run(messageSteps, new Delivery(fetched, arrival));
    }

    private Outcome routeTeamMail(Delivery d) {
        if (d.author().member().isEmpty()) {
            return Outcome.GO_ON;
        }
        run(responderSteps, new ResponderReply(d.caseRecord(), d.author().member().get(), d.row(), d.message()));
        return Outcome.PROCESSED;
    }

    private static <M> ServerMark run(List<Step<M>> steps, M mail) {
        for (Step<M> step : steps) {
            if (step.handle(mail) instanceof Outcome.Done done) {
                return done.mark();
            }
        }
        throw new IllegalStateException("the last step handles every message for good");
    }
}
