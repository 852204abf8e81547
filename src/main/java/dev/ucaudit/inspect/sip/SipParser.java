package dev.ucaudit.inspect.sip;

import dev.ucaudit.inspect.stream.Bytes;
import java.util.Locale;

/** Parses one framed SIP message (start line and the headers the inspector needs). Never throws. */
public final class SipParser {
    private SipParser() {
    }

    /** Returns null when the start line is not SIP. */
    public static SipMessage parse(byte[] buf, int off, int len) {
        if (buf == null || !Bytes.has(off, len, buf.length) || len == 0) {
            return null;
        }
        int end = off + len;
        int eol = Bytes.lineEnd(buf, off, end);
        String start = Bytes.ascii(buf, off, Bytes.trimCr(buf, off, eol) - off);
        String method = null;
        int status = 0;
        if (start.startsWith("SIP/2.0 ")) {
            String rest = start.substring(8);
            if (rest.length() < 3) {
                return null;
            }
            status = threeDigits(rest);
            if (status < 100) {
                return null;
            }
        } else {
            int sp = start.indexOf(' ');
            if (sp <= 0 || !start.endsWith(" SIP/2.0")) {
                return null;
            }
            method = start.substring(0, sp);
        }
        String callId = null;
        String contentType = null;
        String cseqMethod = null;
        int pos = eol + 1;
        int bodyOffset = end;
        while (pos < end) {
            int e = Bytes.lineEnd(buf, pos, end);
            int te = Bytes.trimCr(buf, pos, e);
            if (te == pos) {
                bodyOffset = Math.min(e + 1, end);
                break;
            }
            String v;
            int colon = SipHeaders.colon(buf, pos, te);
            int first = buf[pos] | 0x20; // the names read start with c or i: other lines are skipped at once
            if (colon <= pos || first != 'c' && first != 'i') {
                v = null;
            } else if ((v = SipHeaders.value(buf, pos, colon, te, "call-id", "i")) != null) {
                callId = v;
            } else if ((v = SipHeaders.value(buf, pos, colon, te, "content-type", "c")) != null) {
                contentType = v.toLowerCase(Locale.ROOT);
            } else if ((v = SipHeaders.value(buf, pos, colon, te, "cseq", null)) != null) {
                String[] f = Bytes.fields(v);
                if (f.length >= 2) {
                    cseqMethod = f[1];
                }
            }
            pos = e + 1;
        }
        return new SipMessage(method, status, cseqMethod, callId, contentType, bodyOffset, end - bodyOffset);
    }

    private static int threeDigits(String s) {
        int v = 0;
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return (s.length() == 3 || s.charAt(3) == ' ') ? v : -1;
    }
}
