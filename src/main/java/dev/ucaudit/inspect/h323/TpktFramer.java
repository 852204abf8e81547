package dev.ucaudit.inspect.h323;

import dev.ucaudit.inspect.Frame;
import dev.ucaudit.inspect.Framer;
import dev.ucaudit.inspect.stream.Bytes;

/** TPKT (RFC 1006): version 3, reserved 0, 16-bit big-endian length including the 4-byte header. */
public final class TpktFramer implements Framer {
    public static final int HEADER = 4;

    @Override
    public Frame frame(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || len > buf.length - off) {
            return Frame.invalid("bad buffer range");
        }
        if (len >= 1 && buf[off] != 3) {
            return Frame.invalid("TPKT version " + (buf[off] & 0xff));
        }
        if (len >= 2 && buf[off + 1] != 0) {
            return Frame.invalid("TPKT reserved byte " + (buf[off + 1] & 0xff));
        }
        if (len < HEADER) {
            return Frame.NEEDS_MORE_DATA;
        }
        int total = Bytes.u16be(buf, off + 2);
        if (total <= HEADER) {
            return Frame.invalid("TPKT length " + total);
        }
        return total > len ? Frame.NEEDS_MORE_DATA : Frame.detected(total);
    }
}
