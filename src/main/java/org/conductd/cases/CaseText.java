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

    static List<Map<String, Object>> attachments(List<Attachment> files) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Attachment a : files) {
            list.add(Map.of("name", a.fileName() == null ? "unnamed (" + a.contentType() + ")" : a.fileName(),
                    "size", size(a.size())));
        }
        return list;
    }
}
