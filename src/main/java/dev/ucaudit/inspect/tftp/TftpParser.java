package dev.ucaudit.inspect.tftp;

import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.stream.Bytes;
import java.util.Locale;

/**
 * TFTP request parser: opcode (2 bytes, big-endian), NUL-terminated file name (1..512 bytes),
 * NUL-terminated mode (netascii, octet, mail; any case); RFC 2347 options may follow and are
 * ignored. Other opcodes (3 DATA .. 6 OACK) are detected but carry no request.
 */
public final class TftpParser {
    public static final int MAX_NAME = 512;

    private TftpParser() {
    }

    public record Result(Detection detection, int opcode, TftpRequest request, String problem) {
    }

    public static Result parse(byte[] buf, int off, int len) {
        if (buf == null || !Bytes.has(off, len, buf.length)) {
            return new Result(Detection.INVALID, 0, null, "bad buffer range");
        }
        if (len < 2) {
            return new Result(Detection.NEEDS_MORE_DATA, 0, null, null);
        }
        int op = Bytes.u16be(buf, off);
        if (op < 1 || op > 6) {
            return new Result(Detection.INVALID, op, null, "TFTP opcode " + op);
        }
        if (op > 2) {
            return new Result(Detection.DETECTED, op, null, null);
        }
        int end = off + len;
        int nameStart = off + 2;
        int nameEnd = indexOfNul(buf, nameStart, Math.min(end, nameStart + MAX_NAME + 1));
        if (nameEnd < 0) {
            return len - 2 > MAX_NAME ? new Result(Detection.INVALID, op, null, "TFTP file name too long")
                    : new Result(Detection.NEEDS_MORE_DATA, op, null, null);
        }
        if (nameEnd == nameStart) {
            return new Result(Detection.INVALID, op, null, "empty TFTP file name");
        }
        int modeEnd = indexOfNul(buf, nameEnd + 1, Math.min(end, nameEnd + 1 + 16));
        if (modeEnd < 0) {
            return end - nameEnd - 1 > 16 ? new Result(Detection.INVALID, op, null, "TFTP mode too long")
                    : new Result(Detection.NEEDS_MORE_DATA, op, null, null);
        }
        String mode = Bytes.ascii(buf, nameEnd + 1, modeEnd - nameEnd - 1).toLowerCase(Locale.ROOT);
        if (!mode.equals("netascii") && !mode.equals("octet") && !mode.equals("mail")) {
            return new Result(Detection.INVALID, op, null, "TFTP mode '" + mode + "'");
        }
        for (int i = nameStart; i < nameEnd; i++) {
            if ((buf[i] & 0xff) < 0x20) {
                return new Result(Detection.INVALID, op, null, "control byte in TFTP file name");
            }
        }
        String name = Bytes.ascii(buf, nameStart, nameEnd - nameStart);
        return new Result(Detection.DETECTED, op, new TftpRequest(op, name, mode), null);
    }

    private static int indexOfNul(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
