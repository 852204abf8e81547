package dev.ucaudit.export;

import java.nio.charset.StandardCharsets;

/**
 * Text that reaches a generated configuration (a report folder's name, a rule's comment) is made one
 * harmless line first: control characters (a newline would start a new, uncommented ACL line) and
 * Unicode line separators become '?', and it is cut to the target's limit.
 */
final class DraftText {
    private DraftText() {
    }

    /** One line of at most {@code maxBytes} UTF-8 bytes, without control characters or line separators. */
    static String oneLine(String text, int maxBytes) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        String s = b.toString();
        while (s.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            s = s.substring(0, s.offsetByCodePoints(0, s.codePointCount(0, s.length()) - 1));
        }
        return s;
    }

    /** Inside an nftables double-quoted string: one line, no double quote (nft has no escape for it), 128 bytes at most. */
    static String nftString(String text) {
        return oneLine(text.replace('"', '\''), 127);
    }
}
