package org.conductd.commands;

import static org.conductd.support.PathologicalText.quickly;

import java.util.List;
import org.conductd.text.HtmlText;
import org.conductd.text.HtmlText.Markers;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reply trimming and command parsing run before a sender is authenticated, so anyone can feed
 * them anything: each must read a megabyte built to make a backtracking pattern or a careless
 * loop take quadratic time within a bound that only a linear reading meets.
 */
class PathologicalInputTest {

    private static final String INPUTS = "org.conductd.support.PathologicalText#inputs";

    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void quoteMarkersReadALineInLinearTime(String name, String text) {
        quickly(() -> QuoteMarkers.isQuote(text) | QuoteMarkers.isRule(text)
                | QuoteMarkers.startsOriginalMessage(List.of(text), 0) | VerblessAttributions.isDatedAddressLine(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void quoteMarkersReadLinesInLinearTime(String name, String text) {
        List<String> asOneLine = List.of(text);
        List<String> lines = text.lines().toList();
        quickly(() -> Attributions.length(asOneLine, 0) + Attributions.length(lines, 0)
                + (HeaderBlocks.startsAt(asOneLine, 0) | HeaderBlocks.startsAt(lines, 0)
                        | VerblessAttributions.namesTimeOrAddress(asOneLine) | HeaderBlocks.opensText(text)
                        | VerblessAttributions.isClientDatedAddressLine(text) | VerblessAttributions.isDashDatedAddressLine(text)
                        | VerblessAttributions.isGroupWise(text) | Attributions.isQuotedDatedLine(text)
                        ? 1 : 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void signaturesAreFoundInLinearTime(String name, String text) {
        List<String> lines = text.lines().toList();
        quickly(() -> Signatures.startsSignature(text) | Signatures.startsListFooter(lines, 0)
                | !lines.isEmpty() && Signatures.startsRuledSignature(lines, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void aLineIsClassifiedInLinearTime(String name, String text) {
        quickly(() -> List.of(LineClassifier.classify(text), LineClassifier.classify(text + ":"),
                LineClassifier.classify("NOTE: " + text), LineClassifier.classify("*" + text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void plainRepliesAreTrimmedInLinearTime(String name, String text) {
        quickly(() -> trimmer.trimPlain(text) + trimmer.withoutQuotes(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void htmlRepliesAreTrimmedInLinearTime(String name, String text) {
        quickly(() -> trimmer.trimHtml(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void ruleAboveTextIsCheckedInLinearTime(String name, String text) {
        String html = "<div>" + text.substring(0, text.length() / 2) + "</div><hr>" + text.substring(text.length() / 2);
        quickly(() -> trimmer.trimHtml(html));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void htmlIsReadAsTextInLinearTime(String name, String text) {
        var body = Jsoup.parse(text).body();
        quickly(() -> HtmlText.text(body, Markers.NONE) + HtmlText.text(body, Markers.NONE, 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void commandsAreParsedInLinearTime(String name, String text) {
        quickly(() -> CommandFixtures.PARSER.parse(text, CommandFixtures.ALICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void commandBodiesAreReadInLinearTime(String name, String text) {
        quickly(() -> CommandFixtures.PARSER.parse("REPLY: reporter\n" + text, CommandFixtures.ALICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void commandValuesAreReadInLinearTime(String name, String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ').replace('\u2028', ' ');
        quickly(() -> List.of(
                CommandFixtures.PARSER.parse("REPORTER: " + line, CommandFixtures.ALICE),
                CommandFixtures.PARSER.parse("REPORTED: <" + line + ">", CommandFixtures.ALICE),
                CommandFixtures.PARSER.parse("ASSIGN: " + line, CommandFixtures.ALICE),
                CommandFixtures.PARSER.parse("APPROVE: " + line, CommandFixtures.ALICE),
                CommandFixtures.PARSER.parse("SEVERITY: " + line, CommandFixtures.ALICE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void memberNamesAreResolvedInLinearTime(String name, String text) {
        MemberNames members = new MemberNames(CommandFixtures.ROSTER);
        quickly(() -> members.resolve(text, CommandFixtures.ALICE));
    }
}
