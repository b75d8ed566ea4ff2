package org.conductd.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what conductd logs while it is open, so a test can wait for the daemon to have
 * met a fault and check what it told the operator. Each line reads "LEVEL message" followed
 * by the messages of any exception and its causes.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("org.conductd");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** Every line logged at this level or above so far, oldest first. */
    public List<String> lines(Level atLeast) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(atLeast)).map(LogCapture::line).toList();
        }
    }

    /** How many lines at this level or above contain this text. */
    public long count(Level atLeast, String text) {
        return lines(atLeast).stream().filter(l -> l.contains(text)).count();
    }

    private static String line(ILoggingEvent e) {
        StringBuilder line = new StringBuilder(e.getLevel() + " " + e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return line.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
