package org.conductd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a CPU profile in collapsed-stack form (one line per stack: frames joined by ';',
 * then a sample count, as async-profiler writes it) and prints where the intake's CPU time
 * went: the share of the samples under {@code BatchIntake.accept} whose deepest
 * recognised frame falls in each part of the work. This is what `bench/run` with
 * {@code BENCH_PROFILE=1} prints after the backlog.
 *
 * <p>Usage: {@code BenchProfile <collapsed-file> [reports]}: with the number of reports the
 * intake handled, each part is also given as CPU time per report.
 */
public final class BenchProfile {

    private static final String INTAKE = "org/conductd/intake/BatchIntake.accept";
    /** The sampling interval bench/run gives the profiler. */
    private static final double SAMPLE_MS = 5.0;

    /** The parts, each by the frames that begin it; the deepest match in a stack decides. */
    private static final List<Part> PARTS = List.of(
            new Part("parsing the report (Mime4j)", "org/conductd/ingest/MessageParser.parse"),
            new Part("threading and duplicate checks", "org/conductd/threading/Threader.match"),
            new Part("roster mention check", "org/conductd/cases/RosterMentions.named"),
            new Part("templates: Mustache", "org/conductd/outbound/TemplateRenderer.render"),
            new Part("templates: Markdown to HTML (flexmark)", "org/conductd/outbound/MarkdownHtml.toHtml"),
            new Part("MIME composition (Jakarta Mail)", "org/conductd/outbound/MimeComposer.toBytes"),
            new Part("tokens (HMAC)", "org/conductd/mail/MessageIdIssuer."),
            new Part("SQL through Micronaut Data + SQLite JDBC", "io/micronaut/data/runtime/intercept/DataIntroductionAdvice.intercept",
                    "org/conductd/store/MessageRepository", "org/conductd/store/CaseRepository"),
            new Part("transaction commit (SQLite, fsync)", "io/micronaut/transaction/support/AbstractTransactionOperations.commitInternal"));

    private record Part(String name, List<Pattern> frames) {
        Part(String name, String... prefixes) {
            this(name, java.util.Arrays.stream(prefixes).map(p -> Pattern.compile(Pattern.quote(p) + ".*")).toList());
        }

        boolean begins(String frame) {
            return frames.stream().anyMatch(p -> p.matcher(frame).matches());
        }
    }

    /** Where the rest of the process's CPU time goes, by a frame anywhere in the stack; first match wins. */
    private static final Map<String, String> PROCESS_PARTS = new LinkedHashMap<>();

    static {
        PROCESS_PARTS.put(INTAKE, "the intake (BatchIntake.accept)");
        PROCESS_PARTS.put("org/conductd/outbound/OutboxSender", "the outbox sender (SMTP)");
        PROCESS_PARTS.put("org/conductd/ingest/MailboxSync", "IMAP fetching and flagging");
        PROCESS_PARTS.put("CompileBroker::compiler_thread_loop", "the JIT compilers");
        PROCESS_PARTS.put("GC", "garbage collection");
        PROCESS_PARTS.put("org/conductd/bench/", "the benchmark harness (rates, waiting)");
    }

    private BenchProfile() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> byPart = new LinkedHashMap<>();
        PARTS.forEach(p -> byPart.put(p.name(), 0L));
        byPart.put("other", 0L);
        Map<String, Long> byProcessPart = new LinkedHashMap<>();
        PROCESS_PARTS.values().forEach(v -> byProcessPart.put(v, 0L));
        byProcessPart.put("other", 0L);
        long intake = 0;
        long all = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).trim());
            all += samples;
            String stack = line.substring(0, space);
            byProcessPart.merge(PROCESS_PARTS.entrySet().stream().filter(e -> stack.contains(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("other"), samples, Long::sum);
            String[] frames = stack.split(";");
            int start = -1;
            for (int i = 0; i < frames.length; i++) {
                if (frames[i].equals(INTAKE)) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                continue;
            }
            intake += samples;
            String part = "other";
            for (int i = frames.length - 1; i > start && part.equals("other"); i--) {
                for (Part p : PARTS) {
                    if (p.begins(frames[i])) {
                        part = p.name();
                        break;
                    }
                }
            }
            byPart.merge(part, samples, Long::sum);
        }
        System.out.printf("BENCH profile: %,d CPU samples (%.0f ms each) in the process:%n", all, SAMPLE_MS);
        for (Map.Entry<String, Long> e : byProcessPart.entrySet()) {
            System.out.printf("BENCH profile:   %5.1f %%  %s%n", all == 0 ? 0.0 : 100.0 * e.getValue() / all, e.getKey());
        }
        long reports = args.length > 1 ? Long.parseLong(args[1]) : 0;
        double msPerReport = reports == 0 ? 0 : intake * SAMPLE_MS / reports;
        System.out.printf("BENCH profile: the intake's %,d samples%s, by the deepest part of the work in each:%n", intake,
                reports == 0 ? "" : String.format(" = %.2f ms of CPU per report", msPerReport));
        for (Map.Entry<String, Long> e : byPart.entrySet()) {
            double share = intake == 0 ? 0.0 : (double) e.getValue() / intake;
            System.out.printf("BENCH profile:   %5.1f %%  %s%s%n", 100 * share, e.getKey(),
                    reports == 0 ? "" : String.format(" (%.3f ms per report)", share * msPerReport));
        }
    }
}
