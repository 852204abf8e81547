package dev.ucaudit.inspect.sip;

import dev.ucaudit.inspect.stream.Bytes;
import dev.ucaudit.inspect.Frame;
import dev.ucaudit.inspect.Framer;

/**
 * Finds SIP message boundaries (RFC 3261 §18.3): a start line ("METHOD uri SIP/2.0" or
 * "SIP/2.0 code reason"), headers up to an empty line, then Content-Length (or compact {@code l:})
 * body bytes. Over a stream a missing Content-Length means no body; in a datagram it means the
 * rest of the datagram. A datagram whose Content-Length overstates its size is cut to the
 * datagram. Leading CR/LF (keep-alives) are returned as their own frame of blank bytes.
 */
public final class SipFramer implements Framer {
    public static final int MAX_HEADERS = 16 * 1024;
    /** Default bound of a body (an INVITE with a large SDP or multipart body can exceed 64 KB). */
    public static final int DEFAULT_MAX_BODY = 256 * 1024;

    private final boolean datagram;
    private final int maxBody;

    public SipFramer(boolean datagram) {
        this(datagram, DEFAULT_MAX_BODY);
    }

    /** @param maxBody largest Content-Length read; a larger one is reported as malformed */
    public SipFramer(boolean datagram, int maxBody) {
        this.datagram = datagram;
        this.maxBody = maxBody;
    }

    @Override
    public Frame frame(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || len > buf.length - off) {
            return Frame.invalid("bad buffer range");
        }
        if (len == 0) {
            return Frame.NEEDS_MORE_DATA;
        }
        int blank = 0;
        while (blank < len && (buf[off + blank] == '\r' || buf[off + blank] == '\n')) {
            blank++;
        }
        if (blank > 0) {
            return Frame.detected(blank);
        }
        Frame start = startLine(buf, off, len);
        if (start != null) {
            return start;
        }
        int end = off + len;
        int limit = Math.min(end, off + MAX_HEADERS);
        int headerEnd = -1;
        for (int i = off; i < limit; i++) {
            if (buf[i] == '\n') {
                if (i + 1 < end && buf[i + 1] == '\n') {
                    headerEnd = i + 2;
                    break;
                }
                if (i + 2 < end && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                    headerEnd = i + 3;
                    break;
                }
            }
        }
        if (headerEnd < 0) {
            if (len >= MAX_HEADERS) {
                return Frame.invalid("SIP headers longer than " + MAX_HEADERS);
            }
            return datagram ? Frame.detected(len) : Frame.NEEDS_MORE_DATA;
        }
        long cl = contentLength(buf, off, headerEnd);
        if (cl == -2) {
            return Frame.invalid("bad Content-Length");
        }
        int headerLen = headerEnd - off;
        if (cl < 0) {
            return Frame.detected(datagram ? len : headerLen);
        }
        if (cl > maxBody) {
            return Frame.invalid("Content-Length " + cl + " over " + maxBody);
        }
        long total = headerLen + cl;
        if (total > len) {
            return datagram ? Frame.detected(len) : Frame.NEEDS_MORE_DATA;
        }
        return Frame.detected((int) total);
    }

    /** Null when the start line so far is plausible; otherwise NEEDS_MORE_DATA or INVALID. */
    private static Frame startLine(byte[] buf, int off, int len) {
        byte[] sip = {'S', 'I', 'P', '/', '2', '.', '0', ' '};
        boolean maybeSip = true;
        for (int i = 0; i < sip.length && i < len; i++) {
            if (buf[off + i] != sip[i]) {
                maybeSip = false;
                break;
            }
        }
        if (maybeSip) {
            return len < sip.length ? Frame.NEEDS_MORE_DATA : null;
        }
        for (int i = 0; i < len && i <= 32; i++) {
            byte c = buf[off + i];
            if (c == ' ') {
                return i > 0 ? null : Frame.invalid("empty SIP method");
            }
            if (!((c >= 'A' && c <= 'Z') || c == '-' || c == '_')) {
                return Frame.invalid("not a SIP start line");
            }
        }
        return len > 32 ? Frame.invalid("SIP method too long") : Frame.NEEDS_MORE_DATA;
    }

    /** Content-Length value; -1 when absent; -2 when malformed. */
    static long contentLength(byte[] buf, int off, int end) {
        int pos = off;
        boolean first = true;
        while (pos < end) {
            int eol = Bytes.lineEnd(buf, pos, end);
            if (!first) {
                String value = SipHeaders.value(buf, pos, eol, "content-length", "l");
                if (value != null) {
                    if (value.isEmpty() || value.length() > 9) {
                        return -2;
                    }
                    long v = 0;
                    for (int i = 0; i < value.length(); i++) {
                        char c = value.charAt(i);
                        if (c < '0' || c > '9') {
                            return -2;
                        }
                        v = v * 10 + (c - '0');
                    }
                    return v;
                }
            }
            first = false;
            pos = eol + 1;
        }
        return -1;
    }
}
