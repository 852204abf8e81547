package dev.ucaudit.inspect.h323;

import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.stream.Bytes;

/**
 * Q.931 as H.225.0 uses it: protocol discriminator 0x08, call reference (length nibble + value),
 * message type, then information elements (single-octet ones have bit 8 set; User-user 0x7E has a
 * 2-byte length, all others 1 byte). Finds the User-user IE and its contents (after the 0x05
 * protocol-discriminator octet): the PER-encoded H323-UserInformation.
 */
public final class Q931 {
    /** The Q.931 message type of a Setup: one call set up. */
    public static final int SETUP = 0x05;

    public static final int USER_USER = 0x7e;

    private Q931() {
    }

    /**
     * @param messageType Q.931 message type (0x05 Setup, 0x02 CallProceeding, 0x01 Alerting, 0x07 Connect, 0x62 Facility, 0x03 Progress, ...)
     * @param callReference call reference value
     * @param uuOffset offset of the H323-UserInformation bytes, or -1 when there is no User-user IE
     */
    public record Message(Detection detection, int messageType, int callReference, int uuOffset, int uuLength, String problem) {
    }

    public static Message parse(byte[] b, int off, int len) {
        if (b == null || !Bytes.has(off, len, b.length)) {
            return new Message(Detection.INVALID, 0, 0, -1, 0, "bad buffer range");
        }
        int end = off + len;
        if (len < 1) {
            return new Message(Detection.NEEDS_MORE_DATA, 0, 0, -1, 0, null);
        }
        if (b[off] != 0x08) {
            return new Message(Detection.INVALID, 0, 0, -1, 0, "Q.931 discriminator " + (b[off] & 0xff));
        }
        if (len < 2) {
            return new Message(Detection.NEEDS_MORE_DATA, 0, 0, -1, 0, null);
        }
        int crLen = b[off + 1] & 0x0f;
        if (crLen > 4 || (b[off + 1] & 0xf0) != 0) {
            return new Message(Detection.INVALID, 0, 0, -1, 0, "Q.931 call reference length " + crLen);
        }
        if (!Bytes.has(off + 2, crLen + 1, end)) {
            return new Message(Detection.NEEDS_MORE_DATA, 0, 0, -1, 0, null);
        }
        int cr = 0;
        for (int i = 0; i < crLen; i++) {
            cr = cr << 8 | (b[off + 2 + i] & 0xff);
        }
        if (crLen > 0) {
            cr &= ~(0x80 << (8 * (crLen - 1))); // drop the flag bit
        }
        int type = b[off + 2 + crLen] & 0xff;
        int p = off + 3 + crLen;
        for (int ies = 0; p < end && ies < 256; ies++) {
            int id = b[p] & 0xff;
            if ((id & 0x80) != 0) {
                p++;
                continue;
            }
            if (id == USER_USER) {
                if (!Bytes.has(p + 1, 2, end)) {
                    return new Message(Detection.NEEDS_MORE_DATA, type, cr, -1, 0, null);
                }
                int l = Bytes.u16be(b, p + 1);
                if (!Bytes.has(p + 3, l, end)) {
                    return new Message(Detection.INVALID, type, cr, -1, 0, "User-user IE length " + l + " past message end");
                }
                if (l < 2) {
                    return new Message(Detection.INVALID, type, cr, -1, 0, "User-user IE too short");
                }
                return new Message(Detection.DETECTED, type, cr, p + 4, l - 1, null);
            }
            if (!Bytes.has(p + 1, 1, end)) {
                return new Message(Detection.INVALID, type, cr, -1, 0, "IE without length");
            }
            int l = b[p + 1] & 0xff;
            if (!Bytes.has(p + 2, l, end)) {
                return new Message(Detection.INVALID, type, cr, -1, 0, "IE 0x" + Integer.toHexString(id) + " length past end");
            }
            p += 2 + l;
        }
        return new Message(Detection.DETECTED, type, cr, -1, 0, null);
    }
}
