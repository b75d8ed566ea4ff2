package org.conductd.cases;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;

/**
 * Random two-word code names ("quiet harbor"), as the DSF working group keeps its log, so
 * that digests and subjects can refer to a case without naming anyone.
 */
public final class CodeNames {

    private static final List<String> ADJECTIVES = List.of(
            "amber", "autumn", "bold", "brave", "bright", "calm", "clear", "clever", "cobalt", "copper",
            "crisp", "dawn", "deep", "gentle", "golden", "green", "hidden", "honest", "ivory", "jade",
            "kind", "late", "lively", "lucky", "misty", "mellow", "noble", "olive", "pale", "patient",
            "plain", "proud", "quiet", "rapid", "rosy", "rustic", "sandy", "silent", "silver", "simple",
            "sleepy", "slow", "snowy", "solid", "spring", "steady", "still", "stone", "summer", "sunny",
            "swift", "tidy", "velvet", "warm", "wild", "windy", "winter", "wise", "young", "zesty");
    private static final List<String> NOUNS = List.of(
            "anchor", "arbor", "aspen", "badger", "beacon", "birch", "bridge", "brook", "canyon", "cedar",
            "cliff", "cloud", "comet", "coral", "cove", "crane", "creek", "delta", "dune", "falcon",
            "fern", "field", "fjord", "forest", "garden", "glade", "grove", "harbor", "hazel", "heron",
            "island", "lagoon", "lantern", "maple", "meadow", "mesa", "meteor", "orchard", "otter", "owl",
            "pebble", "pine", "planet", "prairie", "quarry", "raven", "reef", "ridge", "river", "robin",
            "sparrow", "spruce", "summit", "thistle", "tide", "valley", "willow", "wren", "yarrow", "zephyr");

    private final SecureRandom random = new SecureRandom();

    /**
     * A name for which {@code taken} is false; a number is appended once the pairs run short.
     * Each try is a database lookup, so after a few taken pairs (most of the 3,600 are used)
     * the numbered form, with a thousand times the room, is tried instead.
     */
    public String next(Predicate<String> taken) {
        for (int attempt = 0; attempt < 8; attempt++) {
            String name = pick(ADJECTIVES) + " " + pick(NOUNS);
            if (!taken.test(name)) {
                return name;
            }
        }
        while (true) {
            String name = pick(ADJECTIVES) + " " + pick(NOUNS) + " " + (2 + random.nextInt(998));
            if (!taken.test(name)) {
                return name;
            }
        }
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
