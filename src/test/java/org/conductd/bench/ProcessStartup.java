package org.conductd.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conductd.app.Contexts;
import org.yaml.snakeyaml.Yaml;

/**
 * Start-up of the real program, as an operator starts it: {@code java -jar conductd.jar run}
 * in a new process against the benchmark's Dovecot, timed until the daemon logs its first
 * completed mailbox sync (the JVM's own uptime at that moment, and the wall time from
 * launching the process). Measured on a fresh database, again on the migrated one, and
 * with the class-data archive that config/conductd.service makes with a {@code demo --once}
 * run. The folder holds only mail already flagged, as after a restart.
 *
 * <p>Usage: {@code ProcessStartup --jar J --java-opts "..." --imap-port P --smtp-port P
 * --password W --work DIR}
 */
public final class ProcessStartup {

    private static final Pattern FIRST_SYNC = Pattern.compile("First mailbox sync completed (\\d+) ms after the process started");

    private final Path jar;
    private final List<String> javaOpts;
    private final Path work;
    private final Path config;
    private int launches;

    private ProcessStartup(Path jar, List<String> javaOpts, Path work, Path config) {
        this.jar = jar;
        this.javaOpts = javaOpts;
        this.work = work;
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        String jar = null;
        String opts = "";
        int imapPort = 0;
        int smtpPort = 0;
        String password = null;
        String work = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--jar" -> jar = args[i + 1];
                case "--java-opts" -> opts = args[i + 1];
                case "--imap-port" -> imapPort = Integer.parseInt(args[i + 1]);
                case "--smtp-port" -> smtpPort = Integer.parseInt(args[i + 1]);
                case "--password" -> password = args[i + 1];
                case "--work" -> work = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createDirectories(Path.of(work));
        Path config = dir.resolve("conductd.yml");
        Files.writeString(config, config(imapPort, smtpPort, password, dir.resolve("data")));
        List<String> javaOpts = opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+"));
        new ProcessStartup(Path.of(jar).toAbsolutePath(), javaOpts, dir, config).run();
    }

    private void run() throws Exception {
        Backlog.say("start-up of the real program (java -jar conductd.jar run, a new process, until it logs its first completed sync):");
        report("fresh database", start(List.of()));
        report("same database again", start(List.of()));
        Path archive = work.resolve("conductd.jsa");
        long t0 = System.nanoTime();
        int demo = launch(List.of("-XX:ArchiveClassesAtExit=" + archive), List.of("demo", "--once"), null);
        if (demo != 0 || !Files.exists(archive)) {
            Backlog.say("  class-data archive: the demo --once run that makes it failed (%d); skipped", demo);
            return;
        }
        Backlog.say("  class-data archive made by demo --once in %.1f s (%d MB), as config/conductd.service does once per installed jar",
                (System.nanoTime() - t0) / 1e9, Files.size(archive) >> 20);
        report("with the class-data archive", start(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto")));
        report("with the class-data archive, again", start(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto")));
    }

    private static void report(String label, double[] times) {
        if (times == null) {
            Backlog.say("  %s: no first sync within 60 s", label);
        } else {
            Backlog.say("  %s: %.3f s of JVM uptime, %.3f s from launching the process  [target < 2 s]", label, times[0], times[1]);
        }
    }

    /** JVM uptime and wall time at the first completed sync, or null. */
    private double[] start(List<String> extraJvm) throws Exception {
        long t0 = System.nanoTime();
        double[] result = new double[2];
        int code = launch(extraJvm, List.of("run"), uptimeMillis -> {
            result[0] = uptimeMillis / 1000.0;
            result[1] = (System.nanoTime() - t0) / 1e9;
        });
        return result[1] > 0 ? result : null;
    }

    private interface FirstSync {
        void seen(long uptimeMillis);
    }

    /** Runs the program; with {@code firstSync}, stops it (SIGTERM) once it reports the first sync. */
    private int launch(List<String> extraJvm, List<String> programArgs, FirstSync firstSync) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOpts);
        command.addAll(extraJvm);
        command.add("-Dmicronaut.config.files=" + config);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(programArgs);
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        Path log = work.resolve("process-" + (++launches) + ".log");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var copy = Files.newBufferedWriter(log)) {
            copy.write(String.join(" ", command) + "\n");
            String line;
            while ((line = out.readLine()) != null) {
                copy.write(line + "\n");
                Matcher m = FIRST_SYNC.matcher(line);
                if (firstSync != null && m.find()) {
                    firstSync.seen(Long.parseLong(m.group(1)));
                    process.destroy();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    /** The benchmark's daemon settings, as a config file: the same ones its in-process daemons get. */
    private static String config(int imapPort, int smtpPort, String password, Path data) {
        Map<String, Object> properties = new Backlog.Setup(imapPort, smtpPort, password).properties(data, "INBOX");
        properties.remove(Contexts.DAEMON); // run sets it itself
        return new Yaml().dump(new TreeMap<>(properties));
    }
}
