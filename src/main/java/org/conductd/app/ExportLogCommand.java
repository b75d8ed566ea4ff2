package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.conductd.reports.IncidentLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export-log [--format csv]}: the internal incident log on stdout, in UTF-8. */
@Command(name = "export-log", mixinStandardHelpOptions = true,
        description = "Print the internal incident log, one row per case (CSV, UTF-8).")
final class ExportLogCommand implements Callable<Integer> {

    /** The formats there are; picocli refuses any other value with one line naming them. */
    enum Format { csv }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (the only one)")
    Format format;

    @Override
    public Integer call() throws IOException {
        try (ApplicationContext context = Contexts.start(Map.of())) {
            // Not closed: that would close stdout.
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            context.getBean(IncidentLog.class).writeCsv(out);
            out.flush();
            return 0;
        }
    }
}
