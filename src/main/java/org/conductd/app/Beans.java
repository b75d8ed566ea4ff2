package org.conductd.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.conductd.config.Settings;
import org.conductd.ingest.AutomaticMail;
import org.conductd.ingest.MessageParser;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.outbound.MimeComposer;
import org.conductd.outbound.TemplateRenderer;
import org.conductd.outbound.TemplateSource;
import org.conductd.threading.CaseDirectory;
import org.conductd.threading.SubjectTag;
import org.conductd.threading.Threader;

/**
 * Wires the plain classes (those with no framework annotations) into the application context.
 * {@link Settings} is not made here: {@link Contexts} reads it before the context starts.
 */
@Factory
public class Beans {

    /** The system clock, unless a clock was given when the context was built. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    MessageIdIssuer messageIdIssuer(Settings settings) {
        return new MessageIdIssuer(settings.tokenSecret(), settings.messageIdDomain());
    }

    @Singleton
    Threader threader(CaseDirectory cases, Settings settings) {
        return new Threader(cases, new SubjectTag(settings.subjectTag()));
    }

    /** The parser with the configured limits, unless another was given when the context was built. */
    @Singleton
    @Requires(missingBeans = MessageParser.class)
    MessageParser messageParser(Settings settings) {
        return new MessageParser(settings.maxMimeParts());
    }

    @Singleton
    AutomaticMail automaticMail() {
        return new AutomaticMail();
    }

    @Singleton
    TemplateRenderer templateRenderer(Settings settings) {
        return new TemplateRenderer(new TemplateSource(settings.templatesDir()));
    }

    @Singleton
    MimeComposer mimeComposer(Clock clock) {
        return new MimeComposer(clock);
    }
}
