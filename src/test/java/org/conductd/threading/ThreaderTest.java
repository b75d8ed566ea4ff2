package org.conductd.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.InboundMessage;
import org.junit.jupiter.api.Test;

class ThreaderTest {

    private static final EmailAddress REPORTER = EmailAddress.of("jane@example.net");
    private static final EmailAddress STRANGER = EmailAddress.of("mallory@example.com");

    /** Case 7 has message "known@conductd" and the reporter jane@example.net. */
    private final CaseDirectory directory = new CaseDirectory() {
        private final Map<String, Long> ids = Map.of("known@conductd", 7L);
        private final Set<String> participants = Set.of("7:" + REPORTER.address());

        @Override
        public Optional<Long> caseOfMessageId(String messageId) {
            return Optional.ofNullable(ids.get(messageId));
        }

        @Override
        public boolean isParticipant(long caseId, EmailAddress address) {
            return participants.contains(caseId + ":" + address.address());
        }
    };

    private final Threader threader = new Threader(directory, new SubjectTag("CoC"));

    @Test
    void replyWithKnownInReplyToJoinsThatCase() {
        var match = threader.match(message(STRANGER, "anything", List.of("known@conductd"), List.of()));
        assertEquals(new ThreadMatch.ByReference(7, "known@conductd"), match);
    }

    @Test
    void replyWithOnlyReferencesJoinsThatCase() {
        var match = threader.match(message(REPORTER, "no tag", List.of(), List.of("other@x", "known@conductd")));
        assertEquals(new ThreadMatch.ByReference(7, "known@conductd"), match);
    }

    @Test
    void subjectTagFromAParticipantJoinsThatCase() {
        var match = threader.match(message(REPORTER, "Re: [CoC #7] more details", List.of(), List.of()));
        assertEquals(new ThreadMatch.BySubjectTag(7), match);
    }

    @Test
    void subjectTagIsMatchedWhateverItsCaseAndSpacing() {
        var match = threader.match(message(REPORTER, "AW: [coc#7]", List.of(), List.of()));
        assertEquals(new ThreadMatch.BySubjectTag(7), match);
    }

    @Test
    void strangerCopyingACaseTagStartsANewCase() {
        var match = threader.match(message(STRANGER, "Re: [CoC #7] let me in", List.of(), List.of()));
        assertEquals(new ThreadMatch.NewCase(), match);
    }

    @Test
    void unknownReferencesFallThroughToTheSubjectRule() {
        var match = threader.match(message(REPORTER, "[CoC #7]", List.of("unknown@x"), List.of()));
        assertEquals(new ThreadMatch.BySubjectTag(7), match);
    }

    @Test
    void aMessageWithNothingToGoOnStartsANewCase() {
        assertEquals(new ThreadMatch.NewCase(), threader.match(message(REPORTER, "hello", List.of(), List.of())));
    }

    private static InboundMessage message(EmailAddress from, String subject, List<String> inReplyTo, List<String> refs) {
        return new InboundMessage("m@x", from, List.of(), List.of(), List.of(), null, subject, Instant.EPOCH,
                inReplyTo, refs, "text", false, null, List.of(), List.of(), "text/plain");
    }
}
