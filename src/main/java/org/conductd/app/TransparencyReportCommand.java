package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.conductd.reports.TransparencyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code transparency-report --from DATE --to DATE [--html]}: the public report for the cases
 * opened on those days (inclusive, in {@code digest.zone}), as Markdown or HTML on stdout.
 */
@Command(name = "transparency-report", mixinStandardHelpOptions = true,
        description = "Print the anonymised transparency report for a period (Markdown, or HTML with --html).")
final class TransparencyReportCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "DATE", converter = IsoDate.class,
            description = "first day, yyyy-mm-dd (inclusive)")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", converter = IsoDate.class,
            description = "last day, yyyy-mm-dd (inclusive)")
    LocalDate to;

    @Option(names = "--html", description = "HTML instead of Markdown")
    boolean html;

    @Override
    public Integer call() throws Exception {
        if (from.isAfter(to)) {
            System.err.println("conductd: --from (" + from + ") is after --to (" + to + ")");
            return 2;
        }
        try (ApplicationContext context = Contexts.start(Map.of())) {
            TransparencyReport report = context.getBean(TransparencyReport.class);
            String text = html ? report.html(from, to) : report.markdown(from, to);
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            out.write(text);
            out.flush();
            return 0;
        }
    }
}
