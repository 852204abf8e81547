package dev.ucaudit.inspect.sip;

/**
 * What SIP user agents and NAT devices send on a SIP flow to keep its binding open, which is no SIP
 * message and no malformed one: CR/LF pings (RFC 5626: CRLF, CRLFCRLF), a few NUL bytes or spaces, a STUN
 * binding message (magic cookie 0x2112A442) multiplexed on the flow, and on UDP a datagram too short
 * to hold any SIP start line ("hello", "ping", "jaK").
 */
public final class SipKeepAlive {
    /** Longest datagram read as a keep-alive whatever it holds: no SIP start line is this short. */
    public static final int MAX_JUNK_DATAGRAM = 8;
    /** Longest run of NUL bytes and spaces read as a keep-alive (CR/LF pings may be any length). */
    public static final int MAX_PADDING = 16;

    private SipKeepAlive() {
    }

    /** True when {@code buf[off, off+len)} is a keep-alive; {@code datagram}: a whole UDP payload (short junk counts). */
    public static boolean is(byte[] buf, int off, int len, boolean datagram) {
        if (len <= 0) {
            return false;
        }
        if (len >= 20 && (buf[off] & 0xc0) == 0 && buf[off + 4] == 0x21 && buf[off + 5] == 0x12
                && (buf[off + 6] & 0xff) == 0xa4 && buf[off + 7] == 0x42) {
            return true;
        }
        if (datagram && len <= MAX_JUNK_DATAGRAM) {
            return true;
        }
        boolean padding = false;
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == 0 || b == ' ') {
                padding = true;
            } else if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return !padding || len <= MAX_PADDING;
    }
}
