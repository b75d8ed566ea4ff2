package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.conductd.outbound.OutboxSender;
import org.conductd.reports.WeeklyDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code digest}: shows the weekly digest; {@code digest --send} sends it to the organizers now. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Show the weekly digest, or send it to the organizers now with --send.")
final class DigestCommand implements Callable<Integer> {

    @Option(names = "--send", description = "Send it now; the scheduled digest for this period is then not sent again.")
    boolean send;

    @Override
    public Integer call() {
        try (ApplicationContext context = Contexts.start(Map.of())) {
            WeeklyDigest digest = context.getBean(WeeklyDigest.class);
            Clock clock = context.getBean(Clock.class);
            if (!send) {
                System.out.print(digest.preview(clock.instant()));
                return 0;
            }
            List<Long> queued = digest.queueNow(clock.instant());
            if (queued.isEmpty()) {
                System.out.println("No organizers are configured (conductd.organizers): nothing to send.");
                return 0;
            }
            int accepted = context.getBean(OutboxSender.class).deliverNow(queued);
            System.out.println("Digest sent to " + accepted + " of " + queued.size() + " organizer(s)"
                    + (accepted < queued.size() ? "; the daemon will retry the rest." : "."));
            return 0;
        }
    }
}
