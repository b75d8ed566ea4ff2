package org.conductd.compose;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.conductd.cases.AnswerLimits;
import org.conductd.cases.CaseTeam;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.InboundMessage;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;

/**
 * Once the outcome was sent to them, what the reported person writes is an appeal, or close
 * enough that the appeals contact the notice named should know of it. The appeals contact is
 * told that an appeal arrived, without its content: this mail goes outside the team without
 * a second member, so it carries nothing of the case. The team has the text by relay and
 * decides what to share.
 */
@Singleton
public final class AppealNotices {

    private final Settings settings;
    private final CaseTeam team;
    private final CaseMail mail;
    private final EventRepository events;
    private final AnswerLimits limits;
    private final Clock clock;

    public AppealNotices(Settings settings, CaseTeam team, CaseMail mail, EventRepository events, AnswerLimits limits,
                         Clock clock) {
        this.settings = settings;
        this.team = team;
        this.mail = mail;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Records the appeal, tells the appeals contact (at most once a day per case: the reported
     * person can write as often as they like, and each notice leaves the team automatically)
     * and alerts every reachable responder.
     */
    public void flag(CaseRecord c, InboundMessage m, long row) {
        String reportedLine = m.from().toString();
        boolean toldToday = limits.appealsContactToldToday(c.id());
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.REPORTED, EventKind.APPEAL,
                "the reported person wrote after the outcome; " + (toldToday
                        ? "the appeals contact was already told today" : "the appeals contact was told"), row));
        if (!toldToday) {
            mail.toPerson(c, settings.appealsContact(), new TemplateModel.AppealNotice(reportedLine), row);
        }
        for (TeamMember t : team.reachable(c.id())) {
            mail.toMember(c, t, new TemplateModel.AppealAlert(reportedLine), row);
        }
    }
}
