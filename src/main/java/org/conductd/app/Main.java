package org.conductd.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.conductd.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code run} (the default), {@code demo}, {@code cases}, {@code case N},
 * {@code digest}, {@code export-log}, {@code transparency-report}, {@code purge}.
 * Bad arguments or configuration print one line naming the argument or key, exit code 2.
 */
@Command(name = "conductd", mixinStandardHelpOptions = true, version = "conductd 0.1",
        description = "Email-first Code of Conduct incident response.",
        subcommands = {RunCommand.class, DemoCommand.class, CasesCommand.class, CaseCommand.class,
                DigestCommand.class, ExportLogCommand.class, TransparencyReportCommand.class, PurgeCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (for tests and {@link #main}). */
    public static int execute(String... args) {
        return execute(CommandLine.defaultFactory(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args);
    }

    /** Runs a command line with commands made by {@code factory}, writing to {@code stdout} and {@code stderr}. */
    static int execute(CommandLine.IFactory factory, PrintWriter stdout, PrintWriter stderr, String... args) {
        CommandLine cli = new CommandLine(new Main(), factory);
        cli.setOut(stdout);
        cli.setErr(stderr);
        cli.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("conductd: " + e.getMessage().replaceAll("\\R", " ") + " (see conductd --help)");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            ConfigException config = Contexts.configProblem(e);
            PrintWriter err = commandLine.getErr();
            if (config != null) {
                err.println("conductd: configuration error: " + config.getMessage());
                err.flush();
                return 2;
            }
            err.println("conductd: " + e.getMessage());
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        return new RunCommand().call();
    }
}
