package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import org.conductd.reports.CaseListing;

/** {@code case N}: the full record of one case. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Show the full record of case N.")
final class CaseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "N", description = "the case number")
    long number;

    @Override
    public Integer call() {
        try (ApplicationContext context = Contexts.start(Map.of())) {
            String record = context.getBean(CaseListing.class).record(number).orElse(null);
            if (record == null) {
                System.err.println("conductd: there is no case " + number);
                return 2;
            }
            System.out.print(record);
            return 0;
        }
    }
}
