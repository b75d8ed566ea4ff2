package org.conductd.cases;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;

/**
 * Finds the roster members a report names (SPEC §3.1): their full roster name or any of
 * their addresses, as whole words, in any case. Such a member may be the person reported,
 * so they are left out of the case until another member clears them. Text and names are
 * compared case-folded, by RE2/J patterns, so a report of any shape is read in time linear in
 * its length.
 */
public final class RosterMentions {

    /** Each member's checks, made once: every report is checked against the whole roster. */
    private static final Map<TeamMember, Checks> CHECKS = new ConcurrentHashMap<>();

    private RosterMentions() {
    }

    public static List<TeamMember> named(String text, List<TeamMember> team) {
        List<TeamMember> named = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return named;
        }
        String folded = fold(text);
        for (TeamMember member : team) {
            if (CHECKS.computeIfAbsent(member, RosterMentions::checks).foundIn(folded)) {
                named.add(member);
            }
        }
        return named;
    }

    /**
     * The patterns that decide, and the words one of which must appear for any of them to
     * match: a plain search for those rules most members out without running a pattern. Both
     * are folded, and are applied to folded text.
     */
    private record Checks(List<String> needles, List<Pattern> patterns) {

        boolean foundIn(String folded) {
            if (needles.stream().noneMatch(folded::contains)) {
                return false;
            }
            return patterns.stream().anyMatch(p -> p.matcher(folded).find());
        }
    }

    private static Checks checks(TeamMember member) {
        List<String> needles = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        String[] words = fold(member.name().strip()).split("\\s+");
        needles.add(words[0]);
        patterns.add(wholeWords(words));
        for (EmailAddress address : member.allAddresses()) {
            String folded = fold(address.address());
            needles.add(folded);
            // An address is a word of its own unless address characters touch it; a dot after it
            // ends a sentence, unless more of a domain follows ("bob@example.org.evil").
            patterns.add(Pattern.compile("(?:^|[^\\p{L}\\p{N}._%+-])" + Pattern.quote(folded)
                    + "(?:$|[^\\p{L}\\p{N}_.-]|\\.(?:$|[^\\p{L}\\p{N}]))"));
        }
        return new Checks(List.copyOf(needles), List.copyOf(patterns));
    }

    /**
     * Case folding code point by code point, lower case of the upper case: "İ", "I", "ı" and
     * "i" all become "i", "Σ", "σ" and "ς" all "σ". Letters stay letters and everything else
     * stays as it is, so word boundaries are where they were.
     */
    private static String fold(String s) {
        StringBuilder folded = new StringBuilder(s.length());
        s.codePoints().forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return folded.toString();
    }

    /** The words in order, separated by any run of white space, not inside longer words. */
    private static Pattern wholeWords(String[] words) {
        StringBuilder regex = new StringBuilder("(?:^|[^\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\t\\n\\x0B\\f\\r ]+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        regex.append("(?:$|[^\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString());
    }
}
