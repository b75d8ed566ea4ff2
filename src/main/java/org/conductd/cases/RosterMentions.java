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
            if (CHECKS.computeIfAbsent(member, RosterMentions::checks).foundIn(text, folded)) {
                named.add(member);
            }
        }
        return named;
    }

    /**
     * The patterns that decide, and the words one of which must appear for any of them to
     * match: a plain search for those rules most members out without running a pattern.
     */
    private record Checks(List<String> needles, List<Pattern> patterns) {

        boolean foundIn(String text, String folded) {
            if (needles.stream().noneMatch(folded::contains)) {
                return false;
            }
            return patterns.stream().anyMatch(p -> p.matcher(text).find());
        }
    }

    private static Checks checks(TeamMember member) {
        List<String> needles = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        String[] words = member.name().strip().split("\\s+");
        needles.add(words[0]);
        patterns.add(wholeWords(words));
        for (EmailAddress address : member.allAddresses()) {
            needles.add(address.address());
            // An address is a word of its own unless address characters touch it; a dot after it
            // ends a sentence, unless more of a domain follows ("bob@example.org.evil").
            patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}._%+-])" + Pattern.quote(address.address())
                            + "(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        // Outside the Basic Multilingual Plane the patterns fold case by code point; the plain
        // search would not match their folding, so such a member is always checked in full.
        boolean bmpOnly = needles.stream().allMatch(n -> n.chars().noneMatch(c -> Character.isSurrogate((char) c)));
        return new Checks(bmpOnly ? needles.stream().map(RosterMentions::fold).toList() : List.of(""),
                List.copyOf(patterns));
    }

    /**
     * Case folding char by char, exactly as the patterns compare a literal under
     * CASE_INSENSITIVE and UNICODE_CASE (lower case of the upper case), so that a literal the
     * patterns would find is always found in the folded text too.
     */
    private static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
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
