package dev.ucaudit.decode;

/**
 * DLT 258: Apple PKTAP. A header whose first field is its own length (host byte order, little-endian
 * on macOS) and whose third field is the DLT of the frame after it.
 */
final class PktapFramer {
    static final int DLT = 258;

    /** Moves the cursor past the header; returns the inner DLT or -1 when malformed. */
    int innerLinkType(FrameCursor c) {
        if (!c.need(12, "PKTAP header")) {
            return -1;
        }
        long length = c.u32le(c.offset);
        long dlt = c.u32le(c.offset + 8);
        if (length < 12 || length > c.captured()) {
            c.problem = "PKTAP header says it is " + length + " bytes long, but the frame holds " + c.captured();
            return -1;
        }
        c.offset += (int) length;
        return (int) Math.min(dlt, Integer.MAX_VALUE);
    }
}
