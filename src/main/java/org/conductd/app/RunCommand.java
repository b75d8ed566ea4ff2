package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code run}: the daemon and its management HTTP server ({@code /health}, {@code /metrics}), until it is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the daemon (the default command).")
final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        ApplicationContext context = Contexts.start(Map.of(Contexts.DAEMON, true));
        try {
            // A management port in use stops everything before anything starts.
            Contexts.checkManagementPort(context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        Daemon daemon = context.getBean(Daemon.class);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            context.close();
            stopped.countDown();
        }, "shutdown"));
        Daemon.exitOnFatalError();
        daemon.start();
        // After the daemon, so the first mailbox sync does not wait for the HTTP server.
        Contexts.serveManagement(context);
        stopped.await();
        return 0;
    }
}
