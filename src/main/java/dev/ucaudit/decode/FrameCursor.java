package dev.ucaudit.decode;

import dev.ucaudit.packet.RawPacket;

/**
 * Where decoding stands inside one frame: the start of the current layer, the end of what was
 * captured, and the end the frame had on the wire. Every layer checks {@link #need} before it reads.
 */
final class FrameCursor {
    byte[] buf;
    /** Start of the current layer. */
    int offset;
    /** End of the captured bytes. */
    int end;
    /** Where the frame ended on the wire: past {@link #end} when the snapshot length cut it. */
    int wireEnd;
    /** Why the frame is malformed, or null. */
    String problem;

    void reset(RawPacket raw) {
        buf = raw.data;
        offset = raw.offset;
        end = raw.offset + Math.max(0, Math.min(raw.length, raw.data.length - raw.offset));
        wireEnd = raw.offset + Math.max(raw.length, raw.originalLength);
        problem = null;
    }

    /** True when the snapshot length cut the frame short. */
    boolean cut() {
        return wireEnd > end;
    }

    int captured() {
        return end - offset;
    }

    /** Bytes from the current layer to the end of the frame on the wire. */
    int onWire() {
        return wireEnd - offset;
    }

    /** Checks that {@code n} bytes of {@code what} are there; otherwise records why not and returns false. */
    boolean need(int n, String what) {
        if (n <= end - offset) {
            return true;
        }
        int have = Math.max(0, end - offset);
        problem = cut()
                ? what + " needs " + n + " bytes but the capture holds only " + have
                        + " (the snapshot length cut the frame)"
                : what + " needs " + n + " bytes but the frame ends after " + have;
        return false;
    }

    int u8(int at) {
        return buf[at] & 0xff;
    }

    int u16(int at) {
        return (buf[at] & 0xff) << 8 | (buf[at + 1] & 0xff);
    }

    long u32(int at) {
        return ((long) u16(at) << 16) | u16(at + 2);
    }

    int u16le(int at) {
        return (buf[at + 1] & 0xff) << 8 | (buf[at] & 0xff);
    }

    long u32le(int at) {
        return ((long) u16le(at + 2) << 16) | u16le(at);
    }

    boolean malformed(String why) {
        problem = why;
        return false;
    }
}
