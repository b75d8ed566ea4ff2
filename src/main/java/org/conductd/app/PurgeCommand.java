package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.conductd.retention.Purge;
import org.conductd.retention.PurgeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code purge --closed-before DATE [--yes]}: erases the personal data of the cases closed
 * before DATE (before its first moment, UTC). Without {@code --yes} it shows what it would
 * erase and goes on only if "yes" is typed; anything else, or no input at all, erases nothing
 * and exits with 1.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Erase the personal data of cases closed before a date (UTC), keeping the anonymous counts.")
final class PurgeCommand implements Callable<Integer> {

    @Option(names = "--closed-before", required = true, paramLabel = "DATE", converter = IsoDate.class,
            description = "ISO date (2026-05-10): cases closed before the start of this day, UTC")
    LocalDate closedBefore;

    @Option(names = "--yes", description = "erase without asking")
    boolean yes;

    @Spec
    CommandSpec spec;

    private final InputStream in;
    private final Supplier<ApplicationContext> contexts;

    PurgeCommand() {
        this(System.in, () -> Contexts.start(Map.of()));
    }

    /** For tests: another stdin, another context. */
    PurgeCommand(InputStream in, Supplier<ApplicationContext> contexts) {
        this.in = in;
        this.contexts = contexts;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ApplicationContext context = contexts.get()) {
            Purge purge = context.getBean(Purge.class);
            if (!yes) {
                PurgeReport plan = purge.preview(closedBefore);
                if (plan.isEmpty()) {
                    // Still rewrite the file: an earlier run may have left erased data in the log.
                    purge.erase(closedBefore);
                    out.println("Nothing to erase: no case closed before " + closedBefore + " holds personal data.");
                    out.flush();
                    return 0;
                }
                out.println("This erases for good " + describe(plan) + ".");
                out.print("Type yes to erase: ");
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
                    out.println();
                    out.println("Nothing was erased" + (answer == null ? " (no answer; use --yes to erase without asking)." : "."));
                    out.flush();
                    return 1;
                }
            }
            PurgeReport done = purge.erase(closedBefore);
            out.println(done.isEmpty()
                    ? "Nothing to erase: no case closed before " + closedBefore + " holds personal data."
                    : "Erased " + describe(done) + ".");
            out.flush();
            return 0;
        }
    }

    private static String describe(PurgeReport r) {
        return "the personal data of " + count(r.cases(), "case") + " closed before " + r.closedBefore()
                + " (UTC): " + count(r.messages(), "message") + ", " + count(r.attachments(), "attachment") + ", "
                + count(r.files(), "oversized mail file");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
