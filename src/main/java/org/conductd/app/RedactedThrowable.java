package org.conductd.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.conductd.outbound.AddressRedaction;

/**
 * A logged exception's stack trace with every email address in its messages replaced by
 * "[address]": Jakarta Mail and JDBC put recipients and values into exception texts.
 */
public final class RedactedThrowable extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return AddressRedaction.withoutAddresses(super.throwableProxyToString(proxy));
    }
}
