package dev.ucaudit.inspect.sip;

import dev.ucaudit.inspect.stream.Bytes;

/** Header-line helpers for SIP and other RFC 822-style text (bounded, never throw). */
public final class SipHeaders {
    private SipHeaders() {
    }

    /**
     * If the line {@code buf[start, end)} is header {@code longName} or its compact form
     * {@code compact} (case-insensitive; compact may be null), returns its trimmed value; else null.
     */
    public static String value(byte[] buf, int start, int end, String longName, String compact) {
        return value(buf, start, colon(buf, start, end), end, longName, compact);
    }

    /** The colon ending the header name of line {@code buf[start, end)} (within 64 bytes), or -1. */
    public static int colon(byte[] buf, int start, int end) {
        for (int i = start; i < end && i - start <= 64; i++) {
            if (buf[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #value(byte[], int, int, String, String)}, with the line's {@link #colon} found once by the caller. */
    public static String value(byte[] buf, int start, int colon, int end, String longName, String compact) {
        if (colon <= start) {
            return null;
        }
        int nameEnd = colon;
        while (nameEnd > start && (buf[nameEnd - 1] == ' ' || buf[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        // compared in place, ignoring ASCII case: no String per header line and name tried
        if (!nameIs(buf, start, nameEnd, longName) && !(compact != null && nameIs(buf, start, nameEnd, compact))) {
            return null;
        }
        return Bytes.ascii(buf, colon + 1, end - colon - 1).trim();
    }

    /** True when {@code buf[start, end)} is {@code lowerName} (lower-case ASCII) in any case. */
    private static boolean nameIs(byte[] buf, int start, int end, String lowerName) {
        if (end - start != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            int c = buf[start + i] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
