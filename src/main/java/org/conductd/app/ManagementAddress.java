package org.conductd.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where {@code /health} and {@code /metrics} listen: {@code micronaut.server.host} and
 * {@code micronaut.server.port}, the keys Micronaut's own server read, so that deployments keep
 * theirs. A port of -1 (or 0) is any free port.
 */
@ConfigurationProperties("micronaut.server")
record ManagementAddress(@Bindable(defaultValue = "127.0.0.1") String host, @Bindable(defaultValue = "9090") int port) {
}
