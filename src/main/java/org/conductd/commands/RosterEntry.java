package org.conductd.commands;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A responder as the command parser sees them: the full roster name, the roster address all
 * case mail goes to, and the other addresses they write from. Addresses are kept in lower case.
 */
public record RosterEntry(String name, String address, List<String> aliases) {

    public RosterEntry {
        name = Objects.requireNonNull(name, "name").strip();
        address = Objects.requireNonNull(address, "address").strip().toLowerCase(Locale.ROOT);
        aliases = aliases == null ? List.of()
                : aliases.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** The first word of the name, by which the team usually calls the member. */
    public String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    public boolean owns(String anAddress) {
        String wanted = anAddress.strip().toLowerCase(Locale.ROOT);
        return address.equals(wanted) || aliases.contains(wanted);
    }
}
