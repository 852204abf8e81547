package dev.ucaudit.text;

/**
 * The one escaping of text that came from a capture, a file name or an input file before it reaches a
 * terminal or a log, as tcpdump does: a control character is written as an escape ({@code \033},
 * {@code \n}, {@code \r}), so that the wire can neither drive the terminal (set its title, colour it,
 * clear it) nor forge a line of output. C1 controls, DEL and the characters that reorder or break lines
 * (U+2028/2029, bidirectional overrides) are written as {@code \}{@code u00XX}, which JSON reads back as the
 * same character. A backslash is written as is. CSV, JSON and HTML escape by their own rules.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} with every control character escaped, newlines and tabs included: one line. */
    public static String escape(CharSequence text) {
        return escape(text, false);
    }

    /** {@code text} with every control character escaped but newlines and tabs (a text of several lines). */
    public static String escapeKeepingLines(CharSequence text) {
        return escape(text, true);
    }

    static String escape(CharSequence text, boolean keepLines) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        int i = 0;
        while (i < n && !needsEscape(text.charAt(i), keepLines)) {
            i++;
        }
        if (i == n) {
            return text.toString();
        }
        StringBuilder b = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (needsEscape(c, keepLines)) {
                appendEscape(b, c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether {@code c} is written escaped (with {@code keepLines}, a newline and a tab are not). */
    public static boolean needsEscape(char c, boolean keepLines) {
        if (c < 0x20) {
            return !(keepLines && (c == '\n' || c == '\t'));
        }
        return c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }

    /** Appends the escape of one character ({@link #needsEscape} said it needs one). */
    public static void appendEscape(StringBuilder b, char c) {
        switch (c) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (c < 0x20) {
                    b.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7))).append((char) ('0' + (c & 7)));
                } else {
                    b.append("\\u").append(String.format("%04x", (int) c));
                }
            }
        }
    }
}
