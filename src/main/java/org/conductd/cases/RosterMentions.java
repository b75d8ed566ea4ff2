package org.conductd.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;

/**
 * Finds the roster members a report names (SPEC §3.1): their full roster name or any of
 * their addresses, as whole words, in any case. Such a member may be the person reported,
 * so they are left out of the case until another member clears them.
 */
public final class RosterMentions {

    /** Each member's patterns, compiled once: every report is checked against the whole roster. */
    private static final Map<TeamMember, List<Pattern>> PATTERNS = new ConcurrentHashMap<>();

    private RosterMentions() {
    }

    public static List<TeamMember> named(String text, List<TeamMember> team) {
        List<TeamMember> named = new ArrayList<>();
        for (TeamMember member : team) {
            if (mentions(text, member)) {
                named.add(member);
            }
        }
        return named;
    }

    static boolean mentions(String text, TeamMember member) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (Pattern p : PATTERNS.computeIfAbsent(member, RosterMentions::patterns)) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> patterns(TeamMember member) {
        List<Pattern> patterns = new ArrayList<>();
        patterns.add(wholeWords(member.name().strip().split("\\s+")));
        for (EmailAddress address : member.allAddresses()) {
            // An address is a word of its own unless address characters touch it; a dot after it
            // ends a sentence, unless more of a domain follows ("bob@example.org.evil").
            patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}._%+-])" + Pattern.quote(address.address())
                            + "(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return List.copyOf(patterns);
    }

    /** The words in order, separated by any run of white space, not inside longer words. */
    private static Pattern wholeWords(String[] words) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
