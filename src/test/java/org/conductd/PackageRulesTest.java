package org.conductd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages by what their classes may touch (the README's table): each package's code
 * names only the packages listed for it here, the listing has no cycle, so each layer can be
 * read without the ones above it, and nothing names the CLI package {@code app}.
 */
class PackageRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/conductd");

    /** Which packages each package may use. */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("mail", Set.of()),
            Map.entry("text", Set.of("mail")),
            Map.entry("config", Set.of("mail", "text")),
            Map.entry("store", Set.of("mail")),
            Map.entry("threading", Set.of("mail")),
            Map.entry("commands", Set.of("mail", "text")),
            Map.entry("ingest", Set.of("config", "mail", "store", "text")),
            Map.entry("outbound", Set.of("config", "mail", "store", "text")),
            Map.entry("cases", Set.of("config", "mail", "store", "threading")),
            Map.entry("compose", Set.of("cases", "config", "mail", "outbound", "store", "text")),
            Map.entry("approval", Set.of("cases", "commands", "compose", "config", "mail", "outbound", "store")),
            Map.entry("access", Set.of("config", "mail", "outbound", "store")),
            Map.entry("casework", Set.of("access", "approval", "cases", "commands", "compose", "config", "mail",
                    "outbound", "store")),
            Map.entry("intake", Set.of("access", "approval", "cases", "casework", "commands", "compose", "config",
                    "ingest", "mail", "store", "threading")),
            Map.entry("reports", Set.of("cases", "config", "mail", "outbound", "store", "text")),
            Map.entry("retention", Set.of("config", "reports", "store")),
            Map.entry("app", Set.of("compose", "config", "ingest", "intake", "mail", "outbound", "reports",
                    "retention", "store", "threading")));

    /** A class of the project named in code, by import or in full; comments are left out first. */
    private static final Pattern NAMED = Pattern.compile("\\borg\\.conductd\\.([a-z]+)\\.[A-Za-z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() throws IOException {
        Map<String, Set<String>> used = used();
        List<String> wrong = new ArrayList<>();
        used.forEach((pkg, uses) -> {
            Set<String> allowed = MAY_USE.get(pkg);
            if (allowed == null) {
                wrong.add(pkg + " is a new package: give it a row here and in the README's table");
                return;
            }
            uses.stream().filter(u -> !allowed.contains(u)).forEach(u -> wrong.add(pkg + " uses " + u));
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void thePackagesFormNoCycle() {
        for (String pkg : MAY_USE.keySet()) {
            assertTrue(!reachable(pkg).contains(pkg), pkg + " reaches itself");
        }
    }

    @Test
    void nothingUsesTheCommandLinePackage() {
        MAY_USE.forEach((pkg, uses) -> assertTrue(!uses.contains("app"), pkg + " may not use app"));
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        for (String pkg : used().keySet()) {
            assertTrue(Files.exists(SOURCES.resolve(pkg).resolve("package-info.java")), pkg + " has no package-info.java");
        }
    }

    private static Set<String> reachable(String from) {
        Set<String> seen = new HashSet<>();
        List<String> next = new ArrayList<>(MAY_USE.get(from));
        while (!next.isEmpty()) {
            String pkg = next.remove(next.size() - 1);
            if (seen.add(pkg)) {
                next.addAll(MAY_USE.getOrDefault(pkg, Set.of()));
            }
        }
        return seen;
    }

    /** Each package of the main code, with the other packages its code names. */
    private static Map<String, Set<String>> used() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                Set<String> uses = used.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = NAMED.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(" "));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        uses.add(m.group(1));
                    }
                }
            }
        }
        return used;
    }
}
