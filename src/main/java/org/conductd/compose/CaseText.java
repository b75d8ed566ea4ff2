package org.conductd.compose;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.conductd.mail.Attachment;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.outbound.TemplateModel;
import org.conductd.text.TimeText;

/** Small formatting helpers shared by the case mail models. */
public final class CaseText {

    private CaseText() {
    }

    public static String when(Instant instant) {
        return TimeText.forPeople(instant, ZoneOffset.UTC);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Of a message's text, case mail shows this many characters at most; see {@link #shown}. */
    static final int MAX_SHOWN_CHARS = 100_000;

    /**
     * A message's text as case mail quotes it: whole, or cut at a line end near
     * {@value #MAX_SHOWN_CHARS} characters with a line saying how much is left out; the whole
     * text stays with the case. A mail is rendered for every responder inside the intake
     * transaction, at a cost in time and memory that grows with the text, so a text of
     * megabytes would hold up every other message. A member's token in it (a forwarded
     * message's headers may hold one) is left out, before the cut so none is cut in two: it
     * is for its member alone.
     */
    public static String shown(String fullText) {
        String text = MessageIdIssuer.withoutTokens(fullText);
        if (text == null || text.length() <= MAX_SHOWN_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf('\n', MAX_SHOWN_CHARS);
        if (cut < MAX_SHOWN_CHARS / 2) {
            cut = Character.isLowSurrogate(text.charAt(MAX_SHOWN_CHARS)) ? MAX_SHOWN_CHARS - 1 : MAX_SHOWN_CHARS;
        }
        int leftOut = text.length() - (text.charAt(cut) == '\n' ? cut + 1 : cut);
        return text.substring(0, cut).stripTrailing() + "\n\n[" + String.format(Locale.ROOT, "%,d", leftOut)
                + " more characters are too many for a mail; the whole text is kept with the case.]";
    }

    /** More than this in one mail, times every responder, would make mail servers refuse it and fill memory. */
    static final long MAX_ATTACHED_BYTES = 10L * 1024 * 1024;

    /**
     * A message's files: the list shown in the mail, and the files attached to it (none if
     * too large, or withheld because they come from an anonymous reporter).
     */
    public record Files(List<TemplateModel.ListedFile> listed, List<Attachment> attached, boolean withheld) {
        /** Whether the files are attached to the mail, not only listed. */
        public boolean anyAttached() {
            return !attached.isEmpty();
        }
    }

    public static Files files(List<Attachment> attachments) {
        return files(attachments, false);
    }

    /**
     * @param fromAnonymousReporter the files of an anonymous reporter are listed, never
     *     attached: a forwarded message's headers, a document's author or a photo's metadata
     *     can name them, and no scrubbing of arbitrary bytes can be trusted to catch it
     */
    public static Files files(List<Attachment> attachments, boolean fromAnonymousReporter) {
        if (fromAnonymousReporter && !attachments.isEmpty()) {
            Files all = files(attachments, false);
            return new Files(all.listed(), List.of(), true);
        }
        List<TemplateModel.ListedFile> listed = new ArrayList<>();
        long total = 0;
        for (Attachment a : attachments) {
            listed.add(new TemplateModel.ListedFile(
                    a.fileName() == null ? "unnamed (" + a.contentType() + ")" : a.fileName(), size(a.size())));
            total += a.size();
        }
        return new Files(listed, total <= MAX_ATTACHED_BYTES ? attachments : List.of(), false);
    }
}
