package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.conductd.reports.CaseListing;

/** {@code cases}: one line per case. */
@Command(name = "cases", mixinStandardHelpOptions = true, description = "List the cases.")
final class CasesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (ApplicationContext context = Contexts.start(Map.of())) {
            System.out.print(context.getBean(CaseListing.class).list());
            return 0;
        }
    }
}
