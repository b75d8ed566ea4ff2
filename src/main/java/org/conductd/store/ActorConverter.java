package org.conductd.store;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** Stores an {@link Actor} as its {@link Actor#value()}, the column's words since the first version. */
@Singleton
public final class ActorConverter implements AttributeConverter<Actor, String> {

    @Override
    public String convertToPersistedValue(Actor actor, ConversionContext context) {
        return actor == null ? null : actor.value();
    }

    @Override
    public Actor convertToEntityValue(String value, ConversionContext context) {
        return value == null ? null : Actor.of(value);
    }
}
