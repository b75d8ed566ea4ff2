package org.conductd.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** {@code @Positive} for the configuration's durations and sizes, which jakarta.validation only defines for numbers. */
@Factory
final class PositiveValues {

    @Singleton
    ConstraintValidator<Positive, Duration> positiveDuration() {
        return (value, annotation, context) -> value == null || !(value.isNegative() || value.isZero());
    }

    @Singleton
    ConstraintValidator<Positive, ByteSize> positiveSize() {
        return (value, annotation, context) -> value == null || value.bytes() > 0;
    }
}
