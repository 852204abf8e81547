package dev.ucaudit.inspect.probe;

import java.nio.charset.StandardCharsets;

/** What the probes and recognisers of text protocols share: the first line, printable bytes, a valid range. */
public final class ProbeText {
    /** How far a probe reads into a payload to find the first line of a text protocol. */
    public static final int MAX_FIRST_LINE = 512;

    private ProbeText() {
    }

    /** The first line (without CR LF) when one ends within {@link #MAX_FIRST_LINE} bytes; else null. */
    public static String firstLine(byte[] buf, int off, int len) {
        int limit = off + Math.min(len, MAX_FIRST_LINE);
        for (int i = off; i < limit; i++) {
            if (buf[i] == '\n') {
                int end = i > off && buf[i - 1] == '\r' ? i - 1 : i;
                return new String(buf, off, end - off, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** Printable ASCII, tab, CR and LF only. */
    public static boolean printable(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xff;
            if ((b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    public static boolean valid(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 0 && len <= buf.length - off;
    }

    /** Text, or binary data: what a reason says when no recogniser knows the bytes. */
    public static String kind(byte[] buf, int off, int len) {
        return len > 0 && printable(buf, off, Math.min(len, 64)) ? "text" : "binary data";
    }
}
