package dev.ucaudit.inspect.mgcp;

import java.util.regex.Pattern;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.sip.SipHeaders;
import dev.ucaudit.inspect.stream.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses MGCP datagrams: a command line "VERB txid endpoint MGCP 1.0" or a response line
 * "code txid [comment]", parameter lines (C: call id, I: connection id), and an SDP body after an
 * empty line. Piggy-backed messages separated by a "." line are returned in order. Bounded to
 * {@value #MAX_MESSAGES} messages per datagram.
 */
public final class MgcpParser {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    public static final int MAX_MESSAGES = 16;
    static final Set<String> VERBS = Set.of("EPCF", "CRCX", "MDCX", "DLCX", "RQNT", "NTFY", "AUEP", "AUCX", "RSIP", "MESG");

    private MgcpParser() {
    }

    /** Messages found plus the three-way verdict on the first line. */
    public record Result(Detection detection, List<MgcpMessage> messages) {
    }

    /** Three-way look at the start of a datagram. */
    public static Detection detect(byte[] buf, int off, int len) {
        if (buf == null || !Bytes.has(off, len, buf.length)) {
            return Detection.INVALID;
        }
        if (len < 5) {
            return Detection.NEEDS_MORE_DATA;
        }
        String head = Bytes.ascii(buf, off, 5);
        if (head.charAt(4) == ' ' && VERBS.contains(head.substring(0, 4))) {
            return Detection.DETECTED;
        }
        if (isDigit(head.charAt(0)) && isDigit(head.charAt(1)) && isDigit(head.charAt(2)) && head.charAt(3) == ' ') {
            return Detection.DETECTED;
        }
        return Detection.INVALID;
    }

    public static Result parse(byte[] buf, int off, int len) {
        Detection d = detect(buf, off, len);
        List<MgcpMessage> out = new ArrayList<>();
        if (d != Detection.DETECTED) {
            return new Result(d, out);
        }
        int end = off + len;
        int pos = off;
        while (pos < end && out.size() < MAX_MESSAGES) {
            int eol = Bytes.lineEnd(buf, pos, end);
            String first = Bytes.ascii(buf, pos, Bytes.trimCr(buf, pos, eol) - pos).trim();
            String[] f = WHITESPACE.split(first);
            String verb = null;
            int code = 0;
            String endpoint = null;
            if (f.length >= 4 && VERBS.contains(f[0].toUpperCase()) && f[3].equalsIgnoreCase("MGCP")) {
                verb = f[0].toUpperCase();
                endpoint = f[2];
            } else if (f.length >= 2 && f[0].length() == 3 && isDigit(f[0].charAt(0)) && isDigit(f[0].charAt(1))
                    && isDigit(f[0].charAt(2))) {
                code = Integer.parseInt(f[0]);
            } else {
                return new Result(out.isEmpty() ? Detection.INVALID : Detection.DETECTED, out);
            }
            String tx = f[1];
            String callId = null;
            String connId = null;
            pos = eol + 1;
            int bodyOff = -1;
            int next = end;
            while (pos < end) {
                int e = Bytes.lineEnd(buf, pos, end);
                int te = Bytes.trimCr(buf, pos, e);
                if (te == pos) {
                    bodyOff = e + 1;
                    break;
                }
                if (te - pos == 1 && buf[pos] == '.') {
                    next = e + 1;
                    break;
                }
                String v;
                if ((v = SipHeaders.value(buf, pos, te, "c", null)) != null) {
                    callId = v;
                } else if ((v = SipHeaders.value(buf, pos, te, "i", null)) != null) {
                    connId = v;
                }
                pos = e + 1;
            }
            int bodyLen = 0;
            if (bodyOff >= 0) {
                // body runs to a "." line (piggy-back separator) or the end
                int p = Math.min(bodyOff, end);
                next = end;
                while (p < end) {
                    int e = Bytes.lineEnd(buf, p, end);
                    int te = Bytes.trimCr(buf, p, e);
                    if (te - p == 1 && buf[p] == '.') {
                        next = e + 1;
                        break;
                    }
                    p = e + 1;
                }
                int bodyEnd = Math.min(p, end);
                bodyOff = Math.min(bodyOff, end);
                bodyLen = bodyEnd - bodyOff;
            } else {
                bodyOff = end;
            }
            out.add(new MgcpMessage(verb, code, tx, endpoint, callId, connId, bodyOff, bodyLen));
            pos = next;
        }
        return new Result(Detection.DETECTED, out);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
