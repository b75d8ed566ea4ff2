package org.conductd.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-language word lists of {@code reply-markers.txt}: header names, original-message
 * phrases and the words attributions open with, kept as data so that a language is added by
 * adding its lines. Each line reads {@code <kind> <language>: <word>|<word>|…}.
 */
final class ReplyMarkerWords {

    private static final String RESOURCE = "reply-markers.txt";

    private final Map<String, Set<String>> byKind;

    private ReplyMarkerWords(Map<String, Set<String>> byKind) {
        this.byKind = byKind;
    }

    /** The shipped lists, read once for every class that recognises their words. */
    private static final class Shipped {
        static final ReplyMarkerWords WORDS = parse(resource(RESOURCE));
    }

    /** The shipped lists; a malformed line is a build error, so it stops the program at once. */
    static ReplyMarkerWords load() {
        return Shipped.WORDS;
    }

    /** The text of a data file shipped beside this class. */
    static String resource(String name) {
        try (InputStream in = ReplyMarkerWords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplyMarkerWords parse(String text) {
        Map<String, Set<String>> byKind = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.lines().toList()) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int space = entry.indexOf(' ');
            int colon = entry.indexOf(':');
            if (space <= 0 || colon < space) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": not \"<kind> <language>: <words>\"");
            }
            Set<String> words = byKind.computeIfAbsent(entry.substring(0, space), kind -> new LinkedHashSet<>());
            for (String word : entry.substring(colon + 1).split("\\|")) {
                if (!word.isBlank()) {
                    words.add(word.strip());
                }
            }
        }
        return new ReplyMarkerWords(byKind);
    }

    /** Every word of a kind, in every language, in the order the file gives them. */
    List<String> list(String kind) {
        return List.copyOf(new ArrayList<>(byKind.getOrDefault(kind, Set.of())));
    }
}
