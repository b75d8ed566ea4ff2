package org.conductd.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conductd.mail.Attachment;

/** Small formatting helpers shared by the case mail models. */
final class CaseText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CaseText() {
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
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

    /** More than this in one mail, times every responder, would make mail servers refuse it and fill memory. */
    static final long MAX_ATTACHED_BYTES = 10L * 1024 * 1024;

    /** A message's files: the list shown in the mail, and the files attached to it (none if too large). */
    record Files(List<Map<String, Object>> listed, List<Attachment> attached) {
        Map<String, Object> model() {
            return Map.of("attachments", listed, "attached", !attached.isEmpty());
        }
    }

    static Files files(List<Attachment> attachments) {
        List<Map<String, Object>> listed = new ArrayList<>();
        long total = 0;
        for (Attachment a : attachments) {
            listed.add(Map.of("name", a.fileName() == null ? "unnamed (" + a.contentType() + ")" : a.fileName(),
                    "size", size(a.size())));
            total += a.size();
        }
        return new Files(listed, total <= MAX_ATTACHED_BYTES ? attachments : List.of());
    }
}
