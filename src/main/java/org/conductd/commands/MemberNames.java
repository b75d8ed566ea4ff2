package org.conductd.commands;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * Which roster member a command value names (SPEC §3.4): {@code me} (the sender), a roster
 * address or alias, the full roster name, or a first name only one member has, all ignoring
 * case. {@code Name <address>} is read by its address. The answer is the member's roster
 * address, so that every later step knows each member by one address.
 */
final class MemberNames {

    /** The outcome of looking a value up on the roster. */
    sealed interface Match {

        record Found(String address) implements Match {
        }

        /** A first name several members share: their full names, so the sender can pick one. */
        record Ambiguous(List<String> candidates) implements Match {
        }

        record Unknown() implements Match {
        }
    }

    /** Runs of blanks, as RE2: a value is anyone's text. */
    private static final Pattern BLANKS = Pattern.compile("[[:space:]]+");

    private final List<RosterEntry> roster;

    MemberNames(List<RosterEntry> roster) {
        this.roster = List.copyOf(roster);
    }

    /** The full roster names, listed when a value names no one. */
    List<String> names() {
        return roster.stream().map(RosterEntry::name).toList();
    }

    Match resolve(String value, String senderAddress) {
        String written = value.strip();
        if (written.equalsIgnoreCase("me")) {
            return new Match.Found(senderAddress.strip().toLowerCase(Locale.ROOT));
        }
        String address = bracketedAddress(written);
        if (address == null && written.contains("@")) {
            address = written;
        }
        if (address != null) {
            for (RosterEntry member : roster) {
                if (member.owns(address)) {
                    return new Match.Found(member.address());
                }
            }
            return new Match.Unknown();
        }
        String name = BLANKS.matcher(written).replaceAll(" ");
        for (RosterEntry member : roster) {
            if (BLANKS.matcher(member.name()).replaceAll(" ").equalsIgnoreCase(name)) {
                return new Match.Found(member.address());
            }
        }
        List<RosterEntry> byFirstName = roster.stream().filter(m -> m.firstName().equalsIgnoreCase(name)).toList();
        if (byFirstName.size() == 1) {
            return new Match.Found(byFirstName.get(0).address());
        }
        if (byFirstName.size() > 1) {
            return new Match.Ambiguous(byFirstName.stream().map(RosterEntry::name).toList());
        }
        return new Match.Unknown();
    }

    /** The address inside {@code <…>}, as mail clients write a name with an address, or null. */
    private static String bracketedAddress(String written) {
        int open = written.lastIndexOf('<');
        int close = written.lastIndexOf('>');
        return open >= 0 && close > open ? written.substring(open + 1, close) : null;
    }
}
