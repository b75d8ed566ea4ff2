package org.conductd.compose;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.conductd.cases.AnonymousReports;
import org.conductd.config.Settings;
import org.conductd.mail.EmailAddress;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseMember;
import org.conductd.store.CaseMemberRepository;
import org.conductd.store.CaseRecord;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * The case record as a responder's STATUS reply shows it: state, people, incident fields,
 * the team's standing and the latest events. An anonymous reporter stays anonymous.
 */
@Singleton
public final class CaseStatusText {

    private static final int LATEST_EVENTS = 15;

    private final Settings settings;
    private final ParticipantRepository participants;
    private final CaseMemberRepository members;
    private final EventRepository events;

    public CaseStatusText(Settings settings, ParticipantRepository participants, CaseMemberRepository members,
                          EventRepository events) {
        this.settings = settings;
        this.participants = participants;
        this.members = members;
        this.events = events;
    }

    public String render(CaseRecord c) {
        StringBuilder out = new StringBuilder();
        line(out, "Case", c.id() + " \"" + c.codeName() + "\"");
        line(out, "State", c.state().name().toLowerCase(Locale.ROOT));
        line(out, "Severity", c.severity() == null ? "not set" : c.severity().label());
        line(out, "Lead", c.lead() == null ? "nobody yet (ASSIGN: me)" : name(c.lead()));
        line(out, "Opened", CaseText.when(c.openedAt()));
        List<Participant> people = participants.findByCaseIdOrderById(c.id());
        line(out, "Reporter", c.anonymous() ? AnonymousReports.label(c.id()) : people(people, ParticipantRole.REPORTER));
        line(out, "Reported", people(people, ParticipantRole.REPORTED));
        String witnesses = people(people, ParticipantRole.WITNESS);
        if (!witnesses.equals("not recorded")) {
            line(out, "Others", witnesses);
        }
        line(out, "When", orUnset(c.incidentWhen()));
        line(out, "Where", orUnset(c.incidentWhere()));
        line(out, "Summary", orUnset(c.summary()));
        line(out, "Public summary", orUnset(c.publicSummary()));
        StringBuilder team = new StringBuilder();
        for (CaseMember m : members.findByCaseId(c.id())) {
            if (team.length() > 0) {
                team.append(", ");
            }
            team.append(name(m.member())).append(m.conflicted() ? " (left out: " + m.reason() + ")" : "");
        }
        line(out, "Team", team.toString());
        out.append("\nLatest events:\n");
        List<CaseEvent> all = events.findByCaseIdOrderById(c.id());
        for (CaseEvent e : all.subList(Math.max(0, all.size() - LATEST_EVENTS), all.size())) {
            // Who reported an anonymous case is shown nowhere, the event log included.
            String detail = c.anonymous() && e.kind() == EventKind.REPORTER ? AnonymousReports.label(c.id()) : e.detail();
            out.append(CaseText.when(e.at())).append("  ").append(e.kind().value()).append(" by ").append(actor(e.actor()))
                    .append(detail == null ? "" : ": " + detail).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(label).append(": ").append(value).append('\n');
    }

    private static String people(List<Participant> people, ParticipantRole role) {
        List<String> named = people.stream().filter(p -> p.role() == role).map(p -> p.address() == null ? p.name()
                : p.name() == null ? p.address() : p.name() + " <" + p.address() + ">").toList();
        return named.isEmpty() ? "not recorded" : String.join(", ", named);
    }

    private String name(String rosterAddress) {
        return settings.member(EmailAddress.of(rosterAddress)).map(m -> m.name()).orElse(rosterAddress);
    }

    private String actor(Actor actor) {
        return actor.isMember() ? name(actor.address()) : actor.value();
    }

    private static String orUnset(String value) {
        return value == null ? "not set" : value;
    }
}
