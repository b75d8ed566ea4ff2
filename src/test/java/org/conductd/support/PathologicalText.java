package org.conductd.support;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Text built to make a backtracking regular expression or a careless loop take quadratic time:
 * a megabyte of one character that a pattern repeats, runs that almost match a client's marker,
 * and fragments that each start a match that fails late. A linear scan reads each in
 * milliseconds; a quadratic one needs about 10^12 steps, hours. Every entry point that reads
 * text from people is fed all of them, within a bound that only a linear reading meets.
 */
public final class PathologicalText {

    /** About a megabyte of text. */
    public static final int SIZE = 1 << 20;

    /**
     * Generous for a linear reading of a megabyte on a busy, shared machine: most take a tenth of
     * a second, but a million short lines, read cold while the rest of the suite fills both
     * cores of a CI machine, have taken over five. Still two orders of magnitude below what a
     * quadratic reading needs (a million lines, each looking at all the others).
     */
    public static final Duration BOUND = Duration.ofSeconds(15);

    private PathologicalText() {
    }

    /** Each input with its name, as parameters of a {@code @ParameterizedTest(name = "{0}")}. */
    public static Stream<Arguments> inputs() {
        return samples().stream().map(s -> Arguments.of(s.name(), s.text()));
    }

    /** The inputs, each named for what it is. */
    public static List<Sample> samples() {
        return samples(SIZE);
    }

    /** The inputs at about {@code size} characters each, to see how a reading's time grows. */
    public static List<Sample> samples(int size) {
        return List.of(
                new Sample("spaces", run(" ", size)),
                new Sample("tabs", run("\t", size)),
                new Sample("space and tab", run(" \t", size)),
                new Sample("no-break spaces", run("\u00a0", size)),
                new Sample("vertical tabs", run("\u000b", size)),
                new Sample("dashes", run("-", size)),
                new Sample("dash and space", run("- ", size)),
                new Sample("underscores", run("_", size)),
                new Sample("quote marks", run(">", size)),
                new Sample("nested quotes", run("> ", size)),
                new Sample("equals signs", run("=", size)),
                new Sample("asterisks", run("*", size)),
                new Sample("colons", run(":", size)),
                new Sample("dots", run(".", size)),
                new Sample("at signs", run("@", size)),
                new Sample("digits", run("1", size)),
                new Sample("digit and dot", run("5.", size)),
                new Sample("one long line", run("a", size)),
                new Sample("capital words", run("A ", size)),
                new Sample("capitals and dashes", run("AB-", size)),
                new Sample("blank lines", run("\n", size)),
                new Sample("space and newline", run(" \n", size)),
                new Sample("carriage returns", run("\r", size)),
                new Sample("line separators", run("\u2028", size)),
                new Sample("spaces then x", run(" ", size) + "x"),
                new Sample("spaces then newline", run(" ", size) + "\n"),
                new Sample("tabs between words", "a" + run("\t", size) + "b"),
                new Sample("less-than signs", run("<", size)),
                new Sample("open anchors", run("<a ", size)),
                new Sample("open pre", run("<pre>", size)),
                new Sample("blank pre", "<pre>" + " ".repeat(size * 300 / 1024) + "x</pre>"),
                new Sample("tabs in pre", "<pre>" + "\t".repeat(size * 300 / 1024) + "x</pre>"),
                new Sample("nested blockquotes", run("<blockquote>", size)),
                new Sample("paragraphs of spaces", run("<p> </p>", size)),
                new Sample("on-wrote fragments", run("On 1 May, a@b.org wrote ", size)),
                new Sample("on-wrote lines", run("On 1 May 2024, Anna <a@b.org> wrote:\n", size)),
                new Sample("attribution words", run("On ", size)),
                new Sample("original message then spaces", "-----Original Message" + run(" ", size) + "x"),
                new Sample("original message marks", "original message" + run("-=", size) + "x"),
                new Sample("forwarded markers", run("---------- Forwarded message ---------\n", size)),
                new Sample("rule then x", run("- ", size) + "x"),
                new Sample("header name then spaces", "From" + run(" ", size) + "x"),
                new Sample("header lines", run("From: a\nTo: b\n", size)),
                new Sample("bold headers", run("*From:* a\n", size)),
                new Sample("address of dots", "a@" + run(".", size) + " "),
                new Sample("address fragments", run("a@b.", size) + " "),
                new Sample("angled addresses", run("<a@b.c>:\n", size)),
                new Sample("message-id lines", run("Message-ID: <a@b>\n", size)),
                new Sample("status codes", run("5.1.1 ", size)),
                new Sample("smtp replies", run("550 x\n", size)),
                new Sample("client footers", "Sent from my " + run("a ", size) + "!"),
                new Sample("footer words", run("Sent from my ", size)),
                new Sample("dash sign-off", "-" + run("Ab ", size) + "!"),
                new Sample("long dash rules", run("\u2014\u2014\u2014\n\n", size)),
                new Sample("list footers", run("__\nx mailing list\n", size)),
                new Sample("dotted times", run("1.11 ", size) + "<a@b>:"),
                new Sample("en dashes", "a@b" + run(" \u2013 1:11", size)),
                new Sample("lone header names", "a@b 1:11\n" + run("To\n", size)),
                new Sample("brackets", "<a@b> " + run("[1:11 ", size) + "]:"),
                new Sample("command lines", run("NOTE: x\n", size)),
                new Sample("bold commands", run("**NOTE:** ", size)),
                new Sample("anonymous words", run("xanonymous", size)),
                new Sample("case tags", run("[case #1", size)),
                new Sample("reply prefixes", run("Re: ", size)),
                new Sample("apology paragraphs", run("Apology: \n \n", size)),
                new Sample("markdown marks", run("# - 1. ", size)),
                new Sample("dates", run("2024-1-1 1/1/24 ", size)),
                new Sample("control characters", run("\u0001\u007f", size)),
                new Sample("draft labels", run("D1 ", size)));
    }

    /** {@code unit} repeated to about {@code size} characters. */
    public static String run(String unit, int size) {
        return unit.repeat(Math.max(1, size / unit.length()));
    }

    /** Runs the reading within {@link #BOUND}, failing the test when it takes longer. */
    public static <T> T quickly(Supplier<T> reading) {
        return assertTimeoutPreemptively(BOUND, reading::get);
    }

    /** One input and its name. */
    public record Sample(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }
}
