package org.conductd.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …?" for a mistyped keyword or value: the candidates nearest to what was written,
 * by edit distance with adjacent swaps counted as one edit, ignoring case; failing that, the
 * candidates it abbreviates. Written out here because {@code commands} uses the JDK only, and
 * the algorithm is twenty lines.
 */
final class Suggestions {

    /** Below this many characters a prefix matches too many candidates to help. */
    private static final int SHORTEST_PREFIX = 3;

    private Suggestions() {
    }

    /** The nearest candidates within reach, in the order given; empty when none is close. */
    static List<String> closest(String written, Collection<String> candidates) {
        String word = written.strip().toLowerCase(Locale.ROOT);
        List<String> nearest = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            if (Math.abs(word.length() - lower.length()) > reach(lower.length())) {
                // The distance is at least the difference in length: out of reach without
                // filling a table as long as whatever was written.
                continue;
            }
            int d = distance(word, lower);
            if (d == 0 || d > reach(lower.length())) {
                continue;
            }
            if (d < best) {
                nearest.clear();
                best = d;
            }
            if (d == best) {
                nearest.add(candidate);
            }
        }
        if (nearest.isEmpty() && word.length() >= SHORTEST_PREFIX) {
            for (String candidate : candidates) {
                String lower = candidate.toLowerCase(Locale.ROOT);
                if (lower.startsWith(word) && !lower.equals(word)) {
                    nearest.add(candidate);
                }
            }
        }
        return nearest;
    }

    /** {@code "; did you mean X?"}, {@code "; did you mean X or Y?"}, or {@code ""} when nothing is close. */
    static String didYouMean(String written, Collection<String> candidates) {
        List<String> nearest = closest(written, candidates);
        if (nearest.isEmpty()) {
            return "";
        }
        String last = nearest.get(nearest.size() - 1);
        String choices = nearest.size() == 1 ? last
                : String.join(", ", nearest.subList(0, nearest.size() - 1)) + " or " + last;
        return "; did you mean " + choices + "?";
    }

    /** How many edits still count as a typo: one in a short word, more in a long one. */
    private static int reach(int length) {
        return length <= 4 ? 1 : length <= 8 ? 2 : 3;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
