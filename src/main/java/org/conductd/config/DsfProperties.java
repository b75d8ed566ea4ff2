package org.conductd.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code conductd.dsf}: where the report of each incident goes (SPEC §3.7). */
@Introspected
@ConfigurationProperties("conductd.dsf")
public record DsfProperties(@Bindable(defaultValue = "conduct@djangoproject.com") String address) {
}
