package org.conductd.ingest;

/**
 * Makes a sender's file name safe to show. The name is never used as a path, but people read it
 * in notifications: a name like {@code ../../etc/passwd}, one with line breaks, or one that uses
 * bidirectional controls to disguise its extension must not mislead them.
 */
final class AttachmentName {

    static final int MAX_LENGTH = 200;

    private AttachmentName() {
    }

    /** The cleaned name, or null when nothing readable is left. */
    static String forDisplay(String decoded) {
        if (decoded == null) {
            return null;
        }
        String name = withoutInvisibles(lastPathSegment(decoded)).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return capped(name);
    }

    /** Senders' clients sometimes send a whole path, Windows or Unix style. */
    private static String lastPathSegment(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(cut + 1);
    }

    /** Control characters and format characters (bidi overrides, zero-width joiners). */
    private static String withoutInvisibles(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Long names keep their start and their extension, so that the type stays visible. */
    private static String capped(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int keep = MAX_LENGTH - 1 - extension.codePointCount(0, extension.length());
        return name.substring(0, name.offsetByCodePoints(0, keep)) + "\u2026" + extension;
    }
}
