package org.conductd.threading;

import static org.conductd.support.PathologicalText.quickly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anyone can write a subject: case tags must be found in a megabyte built against backtracking
 * patterns within a bound that only a linear reading meets. The plain tests pin what a tag is.
 */
class PathologicalPatternsTest {

    private static final String INPUTS = "org.conductd.support.PathologicalText#inputs";

    private final SubjectTag tag = new SubjectTag("CoC");

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void caseTagsAreFoundInLinearTime(String name, String text) {
        quickly(() -> List.of(tag.caseNumbers(text), tag.caseNumbers("[CoC #" + text),
                tag.caseNumbers("[ CoC" + text)));
    }

    @Test
    void blanksMayStandAroundEachPartOfATag() {
        assertEquals(List.of(42L, 7L), tag.caseNumbers("Re: [ coc # 42 ] and [\tCOC\u000b#7\n]"));
    }

    @Test
    void aNumberOfMoreThanTwelveDigitsIsNoTag() {
        assertEquals(List.of(123456789012L), tag.caseNumbers("[CoC #1234567890123] [CoC #123456789012]"));
    }

    @Test
    void eachTagCountsOnceInOrderOfAppearance() {
        assertEquals(List.of(2L, 1L), tag.caseNumbers("[CoC #2] [CoC #1] [[CoC #2]"));
    }

    @Test
    void aTagOfSeveralWordsComparesWithoutCase() {
        assertEquals(List.of(5L), new SubjectTag("Code of Conduct").caseNumbers("Fwd: [CODE OF CONDUCT #5]"));
        assertEquals(List.of(), new SubjectTag("Code of Conduct").caseNumbers("[Code  of Conduct #5]"));
        assertEquals(List.of(9L), new SubjectTag("CoC ").caseNumbers("[CoC #9]"));
    }
}
