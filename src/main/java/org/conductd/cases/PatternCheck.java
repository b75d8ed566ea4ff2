package org.conductd.cases;

import com.google.re2j.Pattern;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * Finds the earlier cases that name the same reported person (SPEC §3.8 "Patterns"), by
 * address or by normalised name, as the seeds ask: "consult documentation of past incidents
 * for patterns of behavior".
 */
@Singleton
public final class PatternCheck {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final ParticipantRepository participants;
    private final CaseRepository cases;

    public PatternCheck(ParticipantRepository participants, CaseRepository cases) {
        this.participants = participants;
        this.cases = cases;
    }

    /** Other cases whose reported person has this address or this name, oldest first. */
    public List<CaseRecord> earlierCases(long caseId, String name, String address) {
        String wantedName = normalise(name);
        Set<Long> found = new LinkedHashSet<>();
        for (Participant p : participants.findInOtherCases(ParticipantRole.REPORTED, caseId)) {
            boolean sameAddress = address != null && address.equalsIgnoreCase(p.address());
            boolean sameName = !wantedName.isEmpty() && wantedName.equals(normalise(p.name()));
            if (sameAddress || sameName) {
                found.add(p.caseId());
            }
        }
        List<CaseRecord> earlier = new ArrayList<>();
        for (long id : found) {
            cases.findById(id).ifPresent(earlier::add);
        }
        return earlier;
    }

    /** Case, accents, punctuation and spacing do not make two names different people. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
