package org.conductd.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Finds the text of a template {@code <name>.md}: first in the team's override directory when
 * one is configured, then among the templates shipped in the jar ({@code mail-templates/}).
 */
public final class TemplateSource {

    static final String CLASSPATH_FOLDER = "mail-templates/";

    // A name is never a path: "../secrets" must not read a file outside the template folder.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path overrideDirectory;
    private final ClassLoader classLoader;

    /** @param overrideDirectory a directory of edited templates, or null to use only the shipped ones */
    public TemplateSource(Path overrideDirectory) {
        this(overrideDirectory, TemplateSource.class.getClassLoader());
    }

    TemplateSource(Path overrideDirectory, ClassLoader classLoader) {
        this.overrideDirectory = overrideDirectory;
        this.classLoader = classLoader;
    }

    /** The parsed template, or a {@link MissingTemplateException} naming every place looked at. */
    public MailTemplate load(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TemplateException("Invalid template name '" + name + "': use lower-case letters, digits and '-'");
        }
        String fileName = name + ".md";
        StringBuilder looked = new StringBuilder();
        if (overrideDirectory != null) {
            Path file = overrideDirectory.resolve(fileName);
            if (Files.isRegularFile(file)) {
                return MailTemplate.parse(name, read(file), file.toString());
            }
            looked.append(file).append(" and ");
        }
        String resource = CLASSPATH_FOLDER + fileName;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in != null) {
                return MailTemplate.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "classpath:" + resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template classpath:" + resource, e);
        }
        looked.append("classpath:").append(resource);
        throw new MissingTemplateException("No mail template '" + name + "': looked in " + looked);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + file, e);
        }
    }
}
