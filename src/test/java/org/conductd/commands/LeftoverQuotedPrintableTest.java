package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text still in quoted-printable form is decoded; text that only resembles it is left alone. */
class LeftoverQuotedPrintableTest {

    @Test
    void softBreaksAndEscapesAreDecoded() {
        assertEquals("On Tue at 10:00\u202FAM Anna wrote:\nCaf\u00e9 ok",
                LeftoverQuotedPrintable.decoded("On Tue at 10:00=E2=80=AFAM Anna w=\nrote:\nCaf=C3=\n=A9 ok"));
    }

    @Test
    void textThatOnlyResemblesItIsKept() {
        for (String text : new String[] {
                "x=AB and y=CD\nno soft break here",              // escapes without soft breaks
                "a line=\nanother=\nand a=BC",                     // one escape only
                "a line=\nanother=\n=E2=80=AF and a = sign",       // an "=" that is neither
                "caf\u00e9=\nl\u00e0=\n=E2=80=AF",                  // already holds non-ASCII
                "bad=\nbytes=\n=FF=FE",                            // not UTF-8 once decoded
        }) {
            assertEquals(text, LeftoverQuotedPrintable.decoded(text), text);
        }
    }
}
