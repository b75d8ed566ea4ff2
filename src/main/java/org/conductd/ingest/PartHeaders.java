package org.conductd.ingest;

import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.MimeParameterMapping;

/**
 * What a part's own header fields say about it beyond its type: whether it is meant as an
 * attachment, and the sender's name for it.
 *
 * @param disposition the Content-Disposition type in lower case ("inline", "attachment"), or
 *                    null when the part has none
 * @param fileName    the name decoded (RFC 2231, RFC 2047) but not yet cleaned, or null
 */
record PartHeaders(String disposition, String fileName) {

    static PartHeaders of(List<Field> fields) {
        RawBody disposition = body(fields, "Content-Disposition");
        RawBody type = body(fields, "Content-Type");
        String fileName = parameter(disposition, "filename");
        if (fileName == null) {
            fileName = parameter(type, "name");
        }
        String dispositionType = disposition == null || disposition.getValue() == null
                ? null
                : disposition.getValue().strip().toLowerCase(Locale.ROOT);
        return new PartHeaders(dispositionType, fileName == null ? null : HeaderText.decode(fileName));
    }

    boolean isAttachment() {
        return "attachment".equals(disposition);
    }

    private static RawBody body(List<Field> fields, String name) {
        for (Field field : fields) {
            if (field.getName().equalsIgnoreCase(name)) {
                RawField raw = field instanceof RawField r ? r : new RawField(field.getName(), field.getBody());
                return RawFieldParser.DEFAULT.parseRawBody(raw);
            }
        }
        return null;
    }

    /**
     * A parameter value with RFC 2231 continuations and charsets applied (Mime4j's mapping,
     * which follows Thunderbird on conflicting forms).
     */
    private static String parameter(RawBody body, String name) {
        if (body == null) {
            return null;
        }
        MimeParameterMapping mapping = new MimeParameterMapping();
        for (NameValuePair pair : body.getParams()) {
            if (pair.getName() != null && pair.getValue() != null) {
                mapping.addParameter(pair.getName(), pair.getValue());
            }
        }
        return mapping.get(name);
    }
}
