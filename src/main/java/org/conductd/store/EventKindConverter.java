package org.conductd.store;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** Stores an {@link EventKind} as its {@link EventKind#value()}, the column's words since the first version. */
@Singleton
public final class EventKindConverter implements AttributeConverter<EventKind, String> {

    @Override
    public String convertToPersistedValue(EventKind kind, ConversionContext context) {
        return kind == null ? null : kind.value();
    }

    @Override
    public EventKind convertToEntityValue(String value, ConversionContext context) {
        return value == null ? null : EventKind.of(value);
    }
}
