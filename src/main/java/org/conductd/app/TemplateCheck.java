package org.conductd.app;

import java.util.List;
import java.util.Map;
import org.conductd.config.ConfigException;
import org.conductd.outbound.TemplateException;
import org.conductd.outbound.TemplateRenderer;

/**
 * Renders every template once at start-up, so a team's broken edit stops the program with
 * a line naming it instead of quarantining every report that would have used it.
 */
final class TemplateCheck {

    /** Every template conductd sends from. */
    static final List<String> TEMPLATES = List.of(
            "ack", "case-notification", "relay", "member-excluded", "nobody-notified", "quarantine-notice",
            "transcript", "command-error", "refusal", "status", "help", "urgent-alert", "pattern-notice",
            "resolution-reporter", "resolution-reported", "complaint-notice", "reply-reported", "reply-reporter",
            "dsf-report", "approval-request", "draft-rejected", "draft-sent", "send-now-alert", "appeal-notice",
            "appeal-alert", "delivery-failure", "digest", "reminder", "conflict-declared", "team-silenced",
            "flood-summary");

    private final TemplateRenderer renderer;

    TemplateCheck(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    void checkAll() {
        for (String name : TEMPLATES) {
            try {
                renderer.render(name, Map.of());
            } catch (TemplateException e) {
                String problem = e.getMessage().replaceAll("\\R", " ");
                throw new ConfigException("conductd.templates-dir", "template " + name + ": " + problem);
            }
        }
    }
}
