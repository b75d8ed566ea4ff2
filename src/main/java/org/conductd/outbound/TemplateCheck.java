package org.conductd.outbound;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import org.conductd.config.ConfigException;

/**
 * Renders every template once at start-up, with an empty instance of its model, so a team's
 * broken edit stops the program with a line naming it instead of quarantining every report
 * that would have used it.
 */
public final class TemplateCheck {

    private final TemplateRenderer renderer;

    public TemplateCheck(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    public void checkAll() {
        for (TemplateId template : TemplateId.values()) {
            try {
                renderer.render(emptyModel(template));
            } catch (TemplateException e) {
                String problem = e.getMessage().replaceAll("\\R", " ");
                throw new ConfigException("conductd.templates-dir", "template " + template.fileName() + ": " + problem);
            }
        }
    }

    /** The template's model with nothing in it: null texts, empty lists, zero and false. */
    static TemplateModel emptyModel(TemplateId template) {
        RecordComponent[] components = template.model().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = emptyValue(types[i]);
        }
        try {
            return template.model().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make an empty " + template.model().getName(), e);
        }
    }

    private static Object emptyValue(Class<?> type) {
        if (type.isPrimitive()) {
            return Array.get(Array.newInstance(type, 1), 0);
        }
        if (type == List.class) {
            return List.of();
        }
        return type == Optional.class ? Optional.empty() : null;
    }
}
