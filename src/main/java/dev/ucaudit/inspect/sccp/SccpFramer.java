package dev.ucaudit.inspect.sccp;

import dev.ucaudit.inspect.Frame;
import dev.ucaudit.inspect.Framer;
import dev.ucaudit.inspect.stream.Bytes;

/**
 * SCCP (Skinny) framing: 4-byte little-endian data length (counting the 4-byte message id and
 * the data, but neither itself nor the 4-byte header version), 4-byte little-endian header
 * version (0 basic; 0x0a..0x16 and above for newer phones), 4-byte message id, data. The whole
 * message is {@code length + 8} bytes.
 */
public final class SccpFramer implements Framer {
    public static final int HEADER = 8;
    public static final int MAX_LENGTH = 16 * 1024;
    public static final long MAX_VERSION = 0xff;

    @Override
    public Frame frame(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || len > buf.length - off) {
            return Frame.invalid("bad buffer range");
        }
        if (len < HEADER) {
            return Frame.NEEDS_MORE_DATA;
        }
        long length = Bytes.u32le(buf, off);
        long version = Bytes.u32le(buf, off + 4);
        if (length < 4 || length > MAX_LENGTH) {
            return Frame.invalid("SCCP length " + length + " outside 4.." + MAX_LENGTH);
        }
        if (version > MAX_VERSION) {
            return Frame.invalid("SCCP header version 0x" + Long.toHexString(version));
        }
        long total = length + HEADER;
        return total > len ? Frame.NEEDS_MORE_DATA : Frame.detected((int) total);
    }
}
