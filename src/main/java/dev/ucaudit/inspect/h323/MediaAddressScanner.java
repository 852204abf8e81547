package dev.ucaudit.inspect.h323;

import java.util.Collection;
import dev.ucaudit.inspect.stream.Bytes;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Heuristic finder of H.245 {@code UnicastAddress.iPAddress} values in PER-encoded
 * OpenLogicalChannel / OpenLogicalChannelAck bytes, used instead of decoding the (very large)
 * DataType and H2250LogicalChannelParameters structures. In aligned PER the choice
 * {@code H245TransportAddress.unicastAddress(0) -> UnicastAddress.iPAddress(0)} plus the
 * sequence's extension bit and padding leave a zero byte before the octet-aligned 4-byte network
 * address and 2-byte tsapIdentifier. A candidate is accepted when: preceded by 0x00, first
 * address octet 1..223 (unicast, not 0/multicast/reserved), port 1024..65535 and not in
 * {@code excludedPorts}. Candidates do not overlap. Prefer {@link #scanValidated}.
 */
public final class MediaAddressScanner {
    private MediaAddressScanner() {
    }

    /** An address and port found in the bytes. */
    public record Found(InetAddress address, int port, int offset) {
    }

    /**
     * Like {@link #scan(byte[], int, int, int...)} but keeps only candidates that are either one of
     * {@code trusted} addresses (the signalling endpoints) or part of an RTP/RTCP pair (same
     * address, ports p and p+1). Random bytes rarely satisfy either, so this removes most false hits.
     */
    public static List<Found> scanValidated(byte[] buf, int off, int len, Collection<InetAddress> trusted,
            int... excludedPorts) {
        // Every offset is a candidate here (overlapping ones too), so that a false hit cannot hide
        // the real address that starts a few bytes later; overlaps are settled after validation.
        List<Found> all = candidates(buf, off, len, false, excludedPorts);
        List<Found> out = new ArrayList<>();
        int nextFree = Integer.MIN_VALUE;
        for (Found f : all) {
            if (f.offset() < nextFree) {
                continue;
            }
            boolean paired = false;
            for (Found g : all) {
                if (g != f && g.address().equals(f.address()) && Math.abs(g.port() - f.port()) == 1
                        && Math.abs(g.offset() - f.offset()) >= 6) {
                    paired = true;
                    break;
                }
            }
            if (paired || trusted.contains(f.address())) {
                out.add(f);
                nextFree = f.offset() + 6;
            }
        }
        return out;
    }

    public static List<Found> scan(byte[] buf, int off, int len, int... excludedPorts) {
        return candidates(buf, off, len, true, excludedPorts);
    }

    private static List<Found> candidates(byte[] buf, int off, int len, boolean skipAfterHit, int... excludedPorts) {
        List<Found> out = new ArrayList<>();
        if (buf == null || !Bytes.has(off, len, buf.length)) {
            return out;
        }
        int end = off + len;
        int limit = skipAfterHit ? 32 : 256;
        for (int i = off + 1; i + 6 <= end && out.size() < limit; i++) {
            if (buf[i - 1] != 0) {
                continue;
            }
            int first = buf[i] & 0xff;
            if (first == 0 || first > 223) {
                continue;
            }
            int port = Bytes.u16be(buf, i + 4);
            if (port < 1024 || excluded(port, excludedPorts)) {
                continue;
            }
            out.add(new Found(Bytes.address(buf, i, 4), port, i));
            if (skipAfterHit) {
                i += 6;
            }
        }
        return out;
    }

    private static boolean excluded(int port, int[] ports) {
        for (int p : ports) {
            if (p == port) {
                return true;
            }
        }
        return false;
    }
}
