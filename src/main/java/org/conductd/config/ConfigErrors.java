package org.conductd.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.Qualifier;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.BeanCreationException;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.validation.validator.Validator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds the configuration records from a context and turns whatever goes wrong into the one
 * {@link ConfigException} the CLI prints as one line naming the key (SPEC §2): the wording
 * follows the record component's type and the constraint it breaks.
 *
 * <p>Micronaut leaves a {@code @Nullable} or defaulted component at its default when the
 * written value does not convert, without a word; so each written value is first converted
 * here, through the same conversion service, where a failure can name its key. A failed
 * constraint makes the bean's creation fail with a message for people, not for programs; the
 * failing component is then found by validating each one with the framework's validator.
 */
final class ConfigErrors {

    private final ApplicationContext context;
    private final Environment environment;
    private final Validator validator;

    ConfigErrors(ApplicationContext context) {
        this.context = context;
        this.environment = context.getEnvironment();
        this.validator = context.getBean(Validator.class);
    }

    /** The record bound at the prefix its {@code @ConfigurationProperties} names. */
    <T> T bind(Class<T> type) {
        return bind(type, prefix(type), null);
    }

    /** The {@code index}th entry of an {@code @EachProperty(list = true)} record, whose keys start with {@code listKey[index]}. */
    <T> T bindEntry(Class<T> type, String listKey, int index) {
        return bind(type, listKey + "[" + index + "]", Qualifiers.byName(String.valueOf(index)));
    }

    private <T> T bind(Class<T> type, String prefix, Qualifier<T> qualifier) {
        BeanIntrospection<T> introspection = BeanIntrospection.getIntrospection(type);
        for (BeanProperty<T, Object> property : introspection.getBeanProperties()) {
            requireConvertible(prefix, property);
        }
        try {
            return qualifier == null ? context.getBean(type) : context.getBean(type, qualifier);
        } catch (BeanCreationException e) {
            for (BeanProperty<T, Object> property : introspection.getBeanProperties()) {
                requireValid(type, prefix, property);
            }
            // Not a value of ours the framework refused: say which part of the file, not how the framework failed.
            throw new ConfigException(prefix, "cannot be read");
        }
    }

    /** Every key a record reads: its prefix and each component's name in kebab-case. */
    static List<String> keys(Class<?> type) {
        String prefix = prefix(type);
        return Arrays.stream(BeanIntrospection.getIntrospection(type).getPropertyNames())
                .map(name -> prefix + "." + NameUtils.hyphenate(name))
                .toList();
    }

    private static String prefix(Class<?> type) {
        return BeanIntrospection.getIntrospection(type).getAnnotationMetadata()
                .stringValue(ConfigurationReader.class, "prefix")
                .orElseThrow(() -> new IllegalArgumentException(type + " is not a configuration record"));
    }

    private static String key(String prefix, BeanProperty<?, ?> property) {
        return prefix + "." + NameUtils.hyphenate(property.getName());
    }

    private void requireConvertible(String prefix, BeanProperty<?, Object> property) {
        String key = key(prefix, property);
        Optional<Object> written = environment.getProperty(key, Object.class);
        if (written.isEmpty()) {
            return;
        }
        if (Collection.class.isAssignableFrom(property.getType()) && written.get() instanceof Collection<?> items
                && items.stream().anyMatch(item -> item instanceof Map || item instanceof Collection)) {
            throw new ConfigException(key, "must be a list of plain values");
        }
        if (environment.getProperty(key, ConversionContext.of(property.asArgument())).isEmpty()) {
            throw new ConfigException(key, problem(property, written.get().toString(), null));
        }
    }

    private <T> void requireValid(Class<T> type, String prefix, BeanProperty<T, Object> property) {
        String key = key(prefix, property);
        Optional<?> value = environment.getProperty(key, ConversionContext.of(property.asArgument()));
        if (value.isEmpty() && property.getAnnotationMetadata().stringValue(Bindable.class, "defaultValue").isPresent()) {
            return;
        }
        Set<ConstraintViolation<T>> violations = validator.validateValue(type, property.getName(), value.orElse(null));
        if (!violations.isEmpty()) {
            String written = environment.getProperty(key, String.class).orElse("");
            throw new ConfigException(key, problem(property, written, violations.iterator().next()));
        }
    }

    /** What is wrong with {@code written}: it did not convert ({@code violation} null), or it broke the constraint. */
    private static String problem(BeanProperty<?, ?> property, String written, ConstraintViolation<?> violation) {
        Class<? extends Annotation> constraint = violation == null ? null
                : violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (constraint == NotBlank.class || constraint == NotNull.class) {
            return "missing";
        }
        if (constraint == Pattern.class) {
            // The record's own words for the pattern, which no one should have to read as a regular expression.
            return violation.getMessage();
        }
        Class<?> type = property.getType();
        AnnotationMetadata annotations = property.getAnnotationMetadata();
        if (type == Duration.class) {
            return "'" + written + "' is not a positive duration (e.g. 30s, 5m)";
        }
        if (type == ByteSize.class) {
            return violation == null ? "'" + written + "' is not a size (e.g. 25MB)" : "must be greater than zero";
        }
        if (type.isEnum()) {
            return "'" + written + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list of plain values";
        }
        if (annotations.hasAnnotation(Max.class)) {
            // Only ports have an upper bound.
            return "'" + written + "' is not a port number (" + annotations.longValue(Min.class, "value").orElse(1) + "-"
                    + annotations.longValue(Max.class, "value").orElse(65535) + ")";
        }
        if (type == Integer.class || type == int.class) {
            return "'" + written + "' is not a whole number of at least 1";
        }
        return violation == null ? "'" + written + "' cannot be read as " + type.getSimpleName().toLowerCase(Locale.ROOT)
                : violation.getMessage();
    }

    /**
     * The plain values of a list, stripped, blanks left out. Micronaut splits a comma-separated
     * string (as an environment variable gives a list) but keeps the spaces and the empty parts.
     */
    static List<String> plainValues(List<String> values) {
        List<String> plain = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    plain.add(value.strip());
                }
            }
        }
        return List.copyOf(plain);
    }
}
