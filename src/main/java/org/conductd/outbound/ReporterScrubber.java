package org.conductd.outbound;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Takes an anonymous reporter out of text the team is shown: every address they wrote from,
 * its local part, and every display name they used, as whole words in any case, in any word
 * order ("Reporter, Jane"), across line breaks and quote markers. Each becomes
 * {@value #REPLACEMENT}. What is the team's own (roster names and addresses, the conduct
 * address) stays as written, even where a reporter's name is part of it.
 *
 * <p>The text is read once, word by word, and each word is looked up among the phrases that
 * start with it: no regular expression, linear in the text. Mail quotes people's names in
 * the header blocks clients write above quoted text ({@code From: Jane <jane@x>},
 * {@code On …, Jane <jane@x> wrote:}), in signatures and in forwarded mail; all of them are
 * plain text by the time the team sees them, since HTML is only ever shown converted to text.
 */
public final class ReporterScrubber {

    public static final String REPLACEMENT = "the reporter (anonymous)";

    /** A name with fewer letters ("J", "Me", "") would match ordinary words; addresses are always scrubbed. */
    static final int MIN_NAME_LETTERS = 3;

    /** Between two words of a name: a space, a comma, or a line break with quote markers ("Jane\n> Reporter"). */
    static final int MAX_NAME_GAP = 12;

    /** Names longer than this are matched in their own word order only: a rotation per word would grow without need. */
    private static final int MAX_ROTATED_WORDS = 6;

    /** Words that identify nobody, and that conductd itself writes about an anonymous reporter. */
    private static final Set<String> NOT_IDENTIFYING = Set.of("the", "reporter", "anonymous", "anon", "case");

    /** Scrubs nothing: for a case whose reporter is not anonymous. */
    public static final ReporterScrubber NONE = new Builder().build();

    /**
     * Words to find in a row; {@code gaps[j]} is the exact text between word j and j+1, or null
     * for a name, whose words may be parted by any short run of non-word characters.
     */
    private record Phrase(String[] words, String[] gaps, boolean keep) {

        /** Where the phrase ends in the text if it starts at word {@code i}, else -1. */
        int endIfAt(String text, Words found, int i) {
            if (i + words.length > found.count) {
                return -1;
            }
            for (int j = 0; j < words.length; j++) {
                if (!words[j].equals(found.keys[i + j])) {
                    return -1;
                }
                if (j > 0) {
                    int from = found.ends[i + j - 1];
                    int to = found.starts[i + j];
                    boolean gapFits = gaps == null
                            ? to - from <= MAX_NAME_GAP
                            : to - from == gaps[j - 1].length() && text.startsWith(gaps[j - 1], from);
                    if (!gapFits) {
                        return -1;
                    }
                }
            }
            return found.ends[i + words.length - 1];
        }

        String identity() {
            return keep + "\u0000" + String.join("\u0000", words) + "\u0001"
                    + (gaps == null ? "" : String.join("\u0000", gaps));
        }
    }

    private final Map<String, List<Phrase>> byFirstWord;
    private final boolean scrubsSomething;

    private ReporterScrubber(Map<String, List<Phrase>> byFirstWord, boolean scrubsSomething) {
        this.byFirstWord = byFirstWord;
        this.scrubsSomething = scrubsSomething;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when there is no identity to take out: the text is returned as it is. */
    public boolean scrubsNothing() {
        return !scrubsSomething;
    }

    /** The text with every identity of the reporter replaced; null stays null. */
    public String scrub(String text) {
        if (text == null || !scrubsSomething || text.isEmpty()) {
            return text;
        }
        Words found = Words.of(text);
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < found.count) {
            Phrase best = null;
            int bestEnd = -1;
            for (Phrase p : byFirstWord.getOrDefault(found.keys[i], List.of())) {
                int end = p.endIfAt(text, found, i);
                // The longest phrase wins; at equal length, what the team's own is kept.
                if (end > bestEnd || (end >= 0 && end == bestEnd && p.keep())) {
                    best = p;
                    bestEnd = end;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            if (!best.keep()) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, found.starts[i]).append(REPLACEMENT);
                copied = bestEnd;
            }
            i += best.words().length;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Collects the identities to take out and those to keep. */
    public static final class Builder {

        private final Map<String, Phrase> phrases = new LinkedHashMap<>();

        private Builder() {
            // conductd's own words about the reporter survive a second pass unchanged.
            keepName(REPLACEMENT);
        }

        /** A display name the reporter used, if it is long enough to be told from ordinary words. */
        public Builder reporterName(String name) {
            Words words = Words.of(name == null ? "" : name);
            if (identifying(words) && words.letters() >= MIN_NAME_LETTERS) {
                addName(words.keyList(), false);
            }
            return this;
        }

        /** An address the reporter wrote from: always scrubbed, and its local part ("jane.doe") when long enough. */
        public Builder reporterAddress(String address) {
            if (address == null || address.isBlank()) {
                return this;
            }
            addExact(address, false);
            int at = address.lastIndexOf('@');
            if (at > 0) {
                String local = address.substring(0, at);
                addLocalPart(local);
                int plus = local.indexOf('+');
                if (plus > 0) {
                    addLocalPart(local.substring(0, plus));
                }
            }
            return this;
        }

        /** A name that is never scrubbed: a team member's. */
        public Builder keepName(String name) {
            Words words = Words.of(name == null ? "" : name);
            if (words.count > 0) {
                addName(words.keyList(), true);
            }
            return this;
        }

        /** An address that is never scrubbed: a team member's, or the conduct address. */
        public Builder keepAddress(String address) {
            if (address != null && !address.isBlank()) {
                addExact(address, true);
            }
            return this;
        }

        public ReporterScrubber build() {
            Map<String, List<Phrase>> index = new HashMap<>();
            boolean scrubs = false;
            for (Phrase p : phrases.values()) {
                index.computeIfAbsent(p.words()[0], k -> new ArrayList<>()).add(p);
                scrubs |= !p.keep();
            }
            return new ReporterScrubber(index, scrubs);
        }

        private void addLocalPart(String local) {
            Words words = Words.of(local);
            if (identifying(words) && words.letters() >= MIN_NAME_LETTERS) {
                addExact(local, false);
            }
        }

        /** The name in its own word order and in every rotation ("Reporter, Jane"), also without initials. */
        private void addName(List<String> words, boolean keep) {
            addRotations(words, keep);
            List<String> withoutInitials = words.stream().filter(w -> w.length() > 1).toList();
            if (withoutInitials.size() >= 2 && withoutInitials.size() < words.size()) {
                addRotations(withoutInitials, keep);
            }
        }

        private void addRotations(List<String> words, boolean keep) {
            int rotations = words.size() <= MAX_ROTATED_WORDS ? words.size() : 1;
            for (int r = 0; r < rotations; r++) {
                String[] rotated = new String[words.size()];
                for (int j = 0; j < rotated.length; j++) {
                    rotated[j] = words.get((j + r) % rotated.length);
                }
                add(new Phrase(rotated, null, keep));
            }
        }

        /** Words with exactly the punctuation between them that the original has: an address, a local part. */
        private void addExact(String literal, boolean keep) {
            Words words = Words.of(literal);
            if (words.count == 0) {
                return;
            }
            String[] gaps = new String[words.count - 1];
            for (int j = 1; j < words.count; j++) {
                gaps[j - 1] = literal.substring(words.ends[j - 1], words.starts[j]);
            }
            add(new Phrase(Arrays.copyOf(words.keys, words.count), gaps, keep));
        }

        private void add(Phrase p) {
            phrases.putIfAbsent(p.identity(), p);
        }

        private static boolean identifying(Words words) {
            for (int j = 0; j < words.count; j++) {
                if (!NOT_IDENTIFYING.contains(words.keys[j])) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The words of a text, where a word is a run of letters, digits and combining marks, each
     * with its place and a key that ignores case and accents.
     */
    private static final class Words {

        int count;
        int[] starts = new int[16];
        int[] ends = new int[16];
        String[] keys = new String[16];

        static Words of(String text) {
            Words words = new Words();
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
                int start = i;
                while (i < text.length() && isWordChar(cp = text.codePointAt(i))) {
                    i += Character.charCount(cp);
                }
                words.add(start, i, key(text.substring(start, i)));
            }
            return words;
        }

        private void add(int start, int end, String key) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                keys = Arrays.copyOf(keys, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            keys[count] = key;
            count++;
        }

        int letters() {
            int total = 0;
            for (int j = 0; j < count; j++) {
                total += keys[j].length();
            }
            return total;
        }

        List<String> keyList() {
            return List.of(Arrays.copyOf(keys, count));
        }

        private static boolean isWordChar(int cp) {
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }

        /** "José", "JOSE" and a decomposed "José" are one key. */
        private static String key(String word) {
            boolean ascii = word.chars().allMatch(c -> c < 0x80);
            if (ascii) {
                return word.toLowerCase(Locale.ROOT);
            }
            String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
            StringBuilder plain = new StringBuilder(decomposed.length());
            decomposed.codePoints().filter(cp -> !isMark(cp)).forEach(plain::appendCodePoint);
            return plain.toString().toLowerCase(Locale.ROOT);
        }

        private static boolean isMark(int cp) {
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }
    }
}
