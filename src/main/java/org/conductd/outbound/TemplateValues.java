package org.conductd.outbound;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns a model record into the values Mustache reads: a record becomes a map of its
 * components by name (null ones included, so a row's missing value never reads its parent's),
 * and lists and Optionals are walked into. Every text passes through the caller's function on
 * the way, so that text which must change before anyone reads it (an anonymous reporter's
 * name) cannot be missed in a field, a row or a row's row. A value of any other type is
 * refused: it would reach the mail through its {@code toString}, past that function.
 */
final class TemplateValues {

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                if (component.getName().equals(TemplateRenderer.QUOTE)) {
                    throw new IllegalArgumentException(type.getName() + " has a component named '"
                            + TemplateRenderer.QUOTE + "', which templates reserve for quoted blocks");
                }
            }
            return components;
        }
    };

    private TemplateValues() {
    }

    /** The record's values, each text as {@code eachText} makes it; a new, modifiable map. */
    static Map<String, Object> of(Record model, UnaryOperator<String> eachText) {
        RecordComponent[] components = COMPONENTS.get(model.getClass());
        Map<String, Object> values = new HashMap<>(components.length * 2);
        for (RecordComponent component : components) {
            values.put(component.getName(), value(read(model, component), eachText));
        }
        return values;
    }

    private static Object value(Object value, UnaryOperator<String> eachText) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof String text) {
            return eachText.apply(text);
        }
        if (value instanceof Record row) {
            return of(row, eachText);
        }
        if (value instanceof List<?> rows) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Object row : rows) {
                values.add(value(row, eachText));
            }
            return values;
        }
        if (value instanceof Optional<?> optional) {
            return optional.isPresent() ? value(optional.get(), eachText) : null;
        }
        throw new IllegalArgumentException("A template value is text, a number, a flag, a record or a list or"
                + " Optional of them, not " + value.getClass().getName());
    }

    private static Object read(Record model, RecordComponent component) {
        try {
            return component.getAccessor().invoke(model);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("A template model must be a public record: " + model.getClass().getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Reading " + component.getName() + " of " + model.getClass().getName()
                    + " failed", e.getCause());
        }
    }
}
