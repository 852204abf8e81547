package dev.ucaudit.decode;

/**
 * DLT 0 (BSD null: a 4-byte address family in the byte order of the capturing host) and DLT 108
 * (OpenBSD loop: the same in network byte order). IPv6 is 24, 28 or 30 depending on the BSD.
 */
final class LoopbackFramer {
    static final int NULL = 0;
    static final int LOOP = 108;

    int frame(FrameCursor c, boolean networkOrder) {
        if (!c.need(4, "loopback header")) {
            return Link.MALFORMED;
        }
        long family;
        if (networkOrder || (c.buf[c.offset] == 0 && c.buf[c.offset + 1] == 0)) {
            family = c.u32(c.offset);
        } else {
            family = c.u32le(c.offset);
        }
        c.offset += 4;
        if (family == 2) {
            return Link.IPV4;
        }
        if (family == 24 || family == 28 || family == 30) {
            return Link.IPV6;
        }
        return Link.NOT_IP;
    }
}
