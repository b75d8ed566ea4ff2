package org.conductd.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conductd.mail.EmailAddress;

/**
 * Reads {@code conductd.team}, a list of members (name, email, aliases, lead), naming a bad entry
 * by its position, and refuses a roster on which one address would stand for two people.
 */
final class TeamRoster {

    private static final String KEY = SettingsLoader.PREFIX + "team";

    private TeamRoster() {
    }

    /** At least one member; each has a name and an address. */
    static List<TeamMember> read(ConfigValues values) {
        if (!(values.raw("team") instanceof Collection<?> entries) || entries.isEmpty()) {
            throw new ConfigException(KEY, "missing: list at least one responder (name, email)");
        }
        List<TeamMember> team = new ArrayList<>();
        int index = 0;
        for (Object entry : entries) {
            String at = KEY + "[" + index++ + "]";
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new ConfigException(at, "must be a map with name and email");
            }
            Object name = fields.get("name");
            if (name == null || name.toString().isBlank()) {
                throw new ConfigException(at + ".name", "missing");
            }
            EmailAddress email = ConfigValues.parseAddress(at + ".email",
                    fields.get("email") == null ? null : fields.get("email").toString());
            List<EmailAddress> aliases = new ArrayList<>();
            for (String alias : ConfigValues.asStrings(at + ".aliases", fields.get("aliases"))) {
                aliases.add(ConfigValues.parseAddress(at + ".aliases", alias));
            }
            Object lead = fields.get("lead");
            team.add(new TeamMember(name.toString().strip(), email, aliases,
                    lead != null && Boolean.parseBoolean(lead.toString())));
        }
        return team;
    }

    /** Two members sharing an address, or a member using the conduct address, would make "who sent this" ambiguous. */
    static void rejectSharedAddresses(List<TeamMember> team, EmailAddress conductAddress) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < team.size(); i++) {
            for (EmailAddress a : team.get(i).allAddresses()) {
                if (a.sameAddress(conductAddress)) {
                    throw new ConfigException(KEY + "[" + i + "]", "uses the conduct address itself");
                }
                if (!seen.add(a.address())) {
                    throw new ConfigException(KEY + "[" + i + "]", a.address() + " is listed twice on the roster");
                }
            }
        }
    }
}
