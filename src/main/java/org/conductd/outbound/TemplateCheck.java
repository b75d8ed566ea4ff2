package org.conductd.outbound;

import java.util.Map;
import org.conductd.config.ConfigException;

/**
 * Renders every template once at start-up, so a team's broken edit stops the program with
 * a line naming it instead of quarantining every report that would have used it.
 */
public final class TemplateCheck {

    private final TemplateRenderer renderer;

    public TemplateCheck(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    public void checkAll() {
        for (TemplateId template : TemplateId.values()) {
            try {
                renderer.render(template, Map.of());
            } catch (TemplateException e) {
                String problem = e.getMessage().replaceAll("\\R", " ");
                throw new ConfigException("conductd.templates-dir", "template " + template.fileName() + ": " + problem);
            }
        }
    }
}
