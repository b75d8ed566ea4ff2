package org.conductd.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeNamesTest {

    @Test
    void namesAreTwoLowerCaseWords() {
        assertTrue(new CodeNames().next(n -> false).matches("[a-z]+ [a-z]+"));
    }

    @Test
    void takenNamesAreNeverGivenAgainEvenWhenThePairsRunOut() {
        CodeNames names = new CodeNames();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            assertTrue(taken.add(names.next(taken::contains)));
        }
        assertEquals(5000, taken.size());
    }
}
