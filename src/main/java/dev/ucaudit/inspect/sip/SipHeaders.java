package dev.ucaudit.inspect.sip;

import dev.ucaudit.inspect.stream.Bytes;
import java.util.Locale;

/** Header-line helpers for SIP and other RFC 822-style text (bounded, never throw). */
public final class SipHeaders {
    private SipHeaders() {
    }

    /**
     * If the line {@code buf[start, end)} is header {@code longName} or its compact form
     * {@code compact} (case-insensitive; compact may be null), returns its trimmed value; else null.
     */
    public static String value(byte[] buf, int start, int end, String longName, String compact) {
        int colon = -1;
        for (int i = start; i < end && i - start <= 64; i++) {
            if (buf[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= start) {
            return null;
        }
        int nameEnd = colon;
        while (nameEnd > start && (buf[nameEnd - 1] == ' ' || buf[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        String name = Bytes.ascii(buf, start, nameEnd - start).toLowerCase(Locale.ROOT);
        if (!name.equals(longName) && !(compact != null && name.equals(compact))) {
            return null;
        }
        return Bytes.ascii(buf, colon + 1, end - colon - 1).trim();
    }
}
