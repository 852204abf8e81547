package dev.ucaudit.inspect.sccp;

import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.stream.Bytes;
import java.net.InetAddress;

/**
 * Decodes the SCCP messages that carry media endpoints (field layouts as in Wireshark's
 * packet-skinny.c). Addresses are 4 bytes with header version below 0x11 ("basic" layout), and
 * from 0x11 on a 4-byte ipAddrType (0 IPv4, 1 IPv6) followed by a 16-byte address field.
 */
public final class SccpParser {
    public static final int OPEN_RECEIVE_CHANNEL_ACK = 0x0022;
    public static final int REGISTER_ACK = 0x0081;
    public static final int START_MEDIA_TRANSMISSION = 0x008A;
    public static final int OPEN_RECEIVE_CHANNEL = 0x0105;
    public static final int OPEN_MULTIMEDIA_RECEIVE_CHANNEL_ACK = 0x0141;
    static final int V17 = 0x11;

    private SccpParser() {
    }

    /** Outcome of decoding one message: detection plus the media (when DETECTED). */
    public record Result(Detection detection, SccpMedia media, String problem) {
        static Result invalid(String why) {
            return new Result(Detection.INVALID, null, why);
        }
    }

    /** Header version of a framed message ({@code len >= 12} assumed checked by the caller). */
    public static long version(byte[] b, int off) {
        return Bytes.u32le(b, off + 4);
    }

    public static int messageId(byte[] b, int off) {
        return (int) Bytes.u32le(b, off + 8);
    }

    /**
     * Decodes a framed message {@code buf[off, off+len)} (header included) of the media-bearing
     * kinds. NEEDS_MORE_DATA when shorter than its header or than the fields it must hold.
     */
    public static Result parse(byte[] buf, int off, int len) {
        if (buf == null || !Bytes.has(off, len, buf.length)) {
            return Result.invalid("bad buffer range");
        }
        if (len < 12) {
            return new Result(Detection.NEEDS_MORE_DATA, null, null);
        }
        boolean wide = version(buf, off) >= V17;
        int id = messageId(buf, off);
        int p = off + 12;
        int end = off + len;
        switch (id) {
            case OPEN_RECEIVE_CHANNEL_ACK, OPEN_MULTIMEDIA_RECEIVE_CHANNEL_ACK -> {
                if (!Bytes.has(p, 4, end)) {
                    return needMore();
                }
                long status = Bytes.u32le(buf, p);
                Addr a = address(buf, p + 4, end, wide);
                if (a.problem != null) {
                    return a.needMore ? needMore() : Result.invalid(a.problem);
                }
                if (!Bytes.has(a.next, 8, end)) {
                    return needMore();
                }
                long port = Bytes.u32le(buf, a.next);
                long ptp = Bytes.u32le(buf, a.next + 4);
                if (port > 65535) {
                    return Result.invalid("SCCP port " + port);
                }
                return new Result(Detection.DETECTED, new SccpMedia(id, -1, ptp, a.address, (int) port, status), null);
            }
            case START_MEDIA_TRANSMISSION -> {
                if (!Bytes.has(p, 8, end)) {
                    return needMore();
                }
                long conf = Bytes.u32le(buf, p);
                long ptp = Bytes.u32le(buf, p + 4);
                Addr a = address(buf, p + 8, end, wide);
                if (a.problem != null) {
                    return a.needMore ? needMore() : Result.invalid(a.problem);
                }
                if (!Bytes.has(a.next, 4, end)) {
                    return needMore();
                }
                long port = Bytes.u32le(buf, a.next);
                if (port > 65535) {
                    return Result.invalid("SCCP port " + port);
                }
                return new Result(Detection.DETECTED, new SccpMedia(id, conf, ptp, a.address, (int) port, 0), null);
            }
            default -> {
                return new Result(Detection.DETECTED, null, null);
            }
        }
    }

    /** For OpenReceiveChannel (CUCM to phone): {conferenceId, passThruPartyId}, or null when short. */
    public static long[] openReceiveChannelIds(byte[] buf, int off, int len) {
        if (buf == null || !Bytes.has(off, len, buf.length) || len < 20) {
            return null;
        }
        return new long[] {Bytes.u32le(buf, off + 12), Bytes.u32le(buf, off + 16)};
    }

    private static Result needMore() {
        return new Result(Detection.NEEDS_MORE_DATA, null, null);
    }

    private record Addr(InetAddress address, int next, String problem, boolean needMore) {
    }

    private static Addr address(byte[] b, int p, int end, boolean wide) {
        if (!wide) {
            if (!Bytes.has(p, 4, end)) {
                return new Addr(null, p, "short", true);
            }
            return new Addr(Bytes.address(b, p, 4), p + 4, null, false);
        }
        if (!Bytes.has(p, 20, end)) {
            return new Addr(null, p, "short", true);
        }
        long type = Bytes.u32le(b, p);
        if (type == 0) {
            return new Addr(Bytes.address(b, p + 4, 4), p + 20, null, false);
        }
        if (type == 1) {
            return new Addr(Bytes.address(b, p + 4, 16), p + 20, null, false);
        }
        return new Addr(null, p, "SCCP ipAddrType " + type, false);
    }
}
