package org.conductd.store;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import org.conductd.mail.Severity;

/** Stores a {@link Severity} as its {@link Severity#label()}, the word responders write and earlier versions stored. */
@Singleton
public final class SeverityConverter implements AttributeConverter<Severity, String> {

    @Override
    public String convertToPersistedValue(Severity severity, ConversionContext context) {
        return severity == null ? null : severity.label();
    }

    @Override
    public Severity convertToEntityValue(String value, ConversionContext context) {
        if (value == null) {
            return null;
        }
        return Severity.fromLabel(value).filter(s -> s.label().equals(value))
                .orElseThrow(() -> new IllegalArgumentException("no severity is stored as '" + value + "'"));
    }
}
