package org.conductd.config;

import io.micronaut.core.value.PropertyResolver;
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

    static final String KEY = SettingsLoader.PREFIX + "team";

    private TeamRoster() {
    }

    /**
     * At least one member; each has a name and an address. The list itself is looked at here
     * because {@code @EachProperty} quietly makes no entry for an empty list, nor for an entry
     * that is not a map; each entry is then bound as a {@link TeamMemberProperties}.
     */
    static List<TeamMember> read(PropertyResolver values, ConfigErrors records) {
        if (!(values.getProperty(KEY, Object.class).orElse(null) instanceof Collection<?> entries) || entries.isEmpty()) {
            throw new ConfigException(KEY, "missing: list at least one responder (name, email)");
        }
        List<TeamMember> team = new ArrayList<>();
        int index = 0;
        for (Object entry : entries) {
            String at = KEY + "[" + index + "]";
            if (!(entry instanceof Map<?, ?>)) {
                throw new ConfigException(at, "must be a map with name and email");
            }
            TeamMemberProperties member = records.bindEntry(TeamMemberProperties.class, KEY, index++);
            List<EmailAddress> aliases = new ArrayList<>();
            for (String alias : member.aliases()) {
                aliases.add(SettingsLoader.address(at + ".aliases", alias));
            }
            team.add(new TeamMember(member.name().strip(), SettingsLoader.address(at + ".email", member.email()),
                    aliases, member.lead()));
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
