package org.conductd.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Authentication-Results value read by the grammar of RFC 8601 §2.2: an authserv-id
 * (token or quoted-string, optionally followed by a version), then either {@code ; none} or
 * {@code ;}-separated results, each {@code method[/version]=result} followed by properties
 * ({@code ptype.property=value}, and {@code reason=value}). Quoted-strings (with backslash
 * escapes) and comments (nested, with escapes) are read as units, so a {@code ;}, {@code =} or
 * {@code (} inside one is text, never syntax: what a server echoes of the sender, such as the
 * envelope sender, stays inside the result it belongs to. Names are lower-cased.
 *
 * <p>The value must be the raw one, only unfolded: decoding encoded-words first would let a
 * sender write the syntax. Reading is one pass over at most {@value #MAX_LENGTH} characters,
 * with no regular expressions. A result that does not fit the grammar is skipped up to the next
 * {@code ;} outside quotes and comments; a value that is longer than the limit, leaves a
 * quoted-string or comment open, or has anything but a version between the authserv-id and the
 * first {@code ;}, has no structure one can rely on and is unreadable as a whole.
 */
final class AuthenticationResultsHeader {

    /** Longer values are not read: their end, cut off, could change the meaning of the last result. */
    static final int MAX_LENGTH = 8 * 1024;

    /**
     * A property such as {@code header.from=example.org}.
     *
     * @param name   ptype and property, lower-cased ("header.from"), or the bare name ("reason")
     * @param value  the value with quoted-strings unquoted
     * @param domain the part after the last {@code @} outside quotes, else the whole value
     */
    record Property(String name, String value, String domain) {
    }

    /** One result: {@code dmarc=pass} with its properties; reasons count as properties. */
    record Result(String method, String result, List<Property> properties) {

        Result {
            properties = List.copyOf(properties);
        }

        /** The domains of every property of that (lower-case) name. */
        List<String> domains(String name) {
            return properties.stream().filter(p -> p.name().equals(name)).map(Property::domain).toList();
        }
    }

    private final String authservId;
    private final boolean readable;
    private final List<Result> results;

    private AuthenticationResultsHeader(String authservId, boolean readable, List<Result> results) {
        this.authservId = authservId;
        this.readable = readable;
        this.results = List.copyOf(results);
    }

    /** Who wrote the header, lower-cased, or null when even that could not be read. */
    String authservId() {
        return authservId;
    }

    /** False when the structure could not be read; then {@link #results()} is empty. */
    boolean readable() {
        return readable;
    }

    List<Result> results() {
        return results;
    }

    static AuthenticationResultsHeader parse(String raw) {
        boolean tooLong = raw.length() > MAX_LENGTH;
        Scanner in = new Scanner(raw, Math.min(raw.length(), MAX_LENGTH));
        in.cfws();
        String id = in.value();
        if (id == null || id.isEmpty() || (tooLong && in.atEnd())) {
            // Without an id, or with one the length limit may have cut short, no one vouches for it.
            return new AuthenticationResultsHeader(null, false, List.of());
        }
        id = id.toLowerCase(Locale.ROOT);
        in.cfws();
        if (in.digits()) {
            in.cfws();
        }
        if (tooLong || !(in.atEnd() || in.at(';'))) {
            return unreadable(id);
        }
        List<Result> results = new ArrayList<>();
        while (in.at(';')) {
            in.skip();
            Result result = in.result();
            if (result != null) {
                results.add(result);
            } else {
                in.skipToSemicolon();
            }
        }
        return in.broken() ? unreadable(id) : new AuthenticationResultsHeader(id, true, results);
    }

    private static AuthenticationResultsHeader unreadable(String id) {
        return new AuthenticationResultsHeader(id, false, List.of());
    }

    /**
     * A cursor over the value. Every method moves forward only, so a parse is linear in the
     * length. "broken" records a quoted-string or comment left open: the rest of the value is
     * inside it, and the whole value is unreadable.
     */
    private static final class Scanner {

        private final String text;
        private final int end;
        private int pos;
        private boolean broken;

        Scanner(String text, int end) {
            this.text = text;
            this.end = end;
        }

        boolean broken() {
            return broken;
        }

        boolean atEnd() {
            return pos >= end;
        }

        boolean at(char c) {
            return pos < end && text.charAt(pos) == c;
        }

        void skip() {
            pos++;
        }

        /** Folding white space and comments: spaces, tabs, other control characters, {@code ( ... )}. */
        void cfws() {
            while (pos < end) {
                char c = text.charAt(pos);
                if (isSpace(c)) {
                    pos++;
                } else if (c == '(') {
                    comment();
                } else {
                    return;
                }
            }
        }

        /** A comment from its {@code (} to the matching {@code )}; inside, a backslash quotes the next character. */
        private void comment() {
            int depth = 0;
            while (pos < end) {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    pos++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return;
                }
            }
            broken = true;
            pos = end;
        }

        /** The content of a quoted-string, unescaped, from its opening quote; null if left open. */
        private String quoted() {
            StringBuilder content = new StringBuilder();
            pos++;
            while (pos < end) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return content.toString();
                }
                if (c == '\\' && pos < end) {
                    c = text.charAt(pos++);
                }
                content.append(c);
            }
            broken = true;
            pos = end;
            return null;
        }

        /** An RFC 2045 value: a quoted-string or a token; null if neither is here. */
        String value() {
            if (at('"')) {
                return quoted();
            }
            int start = pos;
            while (pos < end && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            return pos == start ? null : text.substring(start, pos);
        }

        /** A version number; true if there was one. */
        boolean digits() {
            int start = pos;
            while (pos < end && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            return pos > start;
        }

        /** A Keyword (letters, digits, hyphens; underscores too, leniently), lower-cased, or null. */
        private String keyword() {
            int start = pos;
            while (pos < end && isKeywordChar(text.charAt(pos))) {
                pos++;
            }
            return pos == start ? null : text.substring(start, pos).toLowerCase(Locale.ROOT);
        }

        /**
         * One resinfo after its {@code ;}, leaving the cursor on the next {@code ;} or at the end;
         * null where it does not fit the grammar (and for {@code none}, which has no result).
         */
        Result result() {
            cfws();
            String method = keyword();
            if (method == null) {
                return null;
            }
            cfws();
            if (at('/')) {
                skip();
                cfws();
                if (!digits()) {
                    return null;
                }
                cfws();
            }
            if (!at('=')) {
                return null;
            }
            skip();
            cfws();
            String result = keyword();
            if (result == null) {
                return null;
            }
            List<Property> properties = new ArrayList<>();
            for (cfws(); !atEnd() && !at(';'); cfws()) {
                Property property = property();
                if (property == null) {
                    return null;
                }
                properties.add(property);
            }
            return new Result(method, result, properties);
        }

        /** {@code ptype.property=pvalue}, or a bare {@code name=value} such as {@code reason=}. */
        private Property property() {
            String name = keyword();
            if (name == null) {
                return null;
            }
            cfws();
            if (at('.')) {
                skip();
                cfws();
                String property = keyword();
                if (property == null) {
                    return null;
                }
                name = name + "." + property;
                cfws();
            }
            if (!at('=')) {
                return null;
            }
            skip();
            cfws();
            return propertyValue(name);
        }

        /**
         * A pvalue: a value, or {@code [local-part] @ domain}, whose local part may be quoted:
         * adjacent quoted-strings and runs of other characters, up to white space, a comment or
         * a {@code ;}. The local part of an address may hold nearly anything, {@code =} and
         * {@code ?} included, so those are text here.
         */
        private Property propertyValue(String name) {
            StringBuilder value = new StringBuilder();
            int domainStart = 0;
            boolean any = false;
            while (pos < end) {
                char c = text.charAt(pos);
                if (isSpace(c) || c == ';' || c == '(') {
                    break;
                }
                if (c == ')') {
                    return null;
                }
                if (c == '"') {
                    String content = quoted();
                    if (content == null) {
                        return null;
                    }
                    value.append(content);
                } else {
                    value.append(c);
                    pos++;
                    if (c == '@') {
                        domainStart = value.length();
                    }
                }
                any = true;
            }
            if (!any) {
                return null;
            }
            String read = value.toString();
            return new Property(name, read, read.substring(domainStart));
        }

        /** Past the rest of a result that does not fit the grammar, honouring quotes and comments. */
        void skipToSemicolon() {
            while (pos < end && !at(';')) {
                char c = text.charAt(pos);
                if (c == '"') {
                    quoted();
                } else if (c == '(') {
                    comment();
                } else {
                    pos++;
                }
            }
        }

        private static boolean isSpace(char c) {
            return c <= ' ' || c == 0x7f;
        }

        private static boolean isKeywordChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }

        /** RFC 2045 token characters; beyond ASCII, leniently, for internationalized names. */
        private static boolean isTokenChar(char c) {
            return !isSpace(c) && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
        }
    }
}
