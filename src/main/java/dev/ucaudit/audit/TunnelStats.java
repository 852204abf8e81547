package dev.ucaudit.audit;

import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.inventory.AddressFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tunnels the packets came through, each reported once as transport: outer endpoints, tunnel
 * type (nested tunnels outermost first, joined by "+"), packets and bytes of the whole frames. Their
 * inner packets are counted in their own flows only. At most {@link #MAX_TUNNELS} tunnels are kept;
 * packets of further ones are counted in {@link #packetsOfUnlisted()}.
 */
public final class TunnelStats {
    public static final int MAX_TUNNELS = 10_000;

    /** One tunnel as summary.json lists it. */
    public record Tunnel(String endpointA, String endpointB, String type, long packets, long bytes,
                         long firstSeenNanos, long lastSeenNanos) {
    }

    private static final class Counter {
        final String a;
        final String b;
        final String type;
        long packets;
        long bytes;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        Counter(String a, String b, String type) {
            this.a = a;
            this.b = b;
            this.type = type;
        }
    }

    private final Map<String, Counter> tunnels = new HashMap<>();
    private long packets;
    private long packetsOfUnlisted;
    /** The previous packet's tunnel: consecutive packets of one tunnel cost no lookup. */
    private Counter last;
    private final byte[] lastSrc = new byte[16];
    private final byte[] lastDst = new byte[16];
    private final Object[] lastTypes = new Object[DecodedPacket.MAX_TUNNEL_DEPTH];
    private int lastDepth;

    /** Counts one frame that came through the tunnel(s) {@code d} records. */
    public void count(DecodedPacket d, long frameBytes, long nanos) {
        packets++;
        Counter c = sameAsLast(d) ? last : lookup(d);
        if (c == null) {
            packetsOfUnlisted++;
            return;
        }
        c.packets++;
        c.bytes += frameBytes;
        c.first = Math.min(c.first, nanos);
        c.last = Math.max(c.last, nanos);
    }

    private boolean sameAsLast(DecodedPacket d) {
        if (last == null || d.tunnelDepth != lastDepth || !Arrays.equals(d.tunnelSrc, lastSrc)
                || !Arrays.equals(d.tunnelDst, lastDst)) {
            return false;
        }
        for (int i = 0; i < lastDepth; i++) {
            if (lastTypes[i] != d.tunnels[i]) {
                return false;
            }
        }
        return true;
    }

    private Counter lookup(DecodedPacket d) {
        int len = d.tunnelIpVersion == 6 ? 16 : 4;
        String src = AddressFormat.format(d.tunnelSrc, 0, len);
        String dst = AddressFormat.format(d.tunnelDst, 0, len);
        boolean srcFirst = Arrays.compareUnsigned(d.tunnelSrc, 0, len, d.tunnelDst, 0, len) <= 0;
        StringBuilder type = new StringBuilder();
        for (int i = 0; i < d.tunnelDepth; i++) {
            type.append(i == 0 ? "" : "+").append(d.tunnels[i].label());
        }
        String a = srcFirst ? src : dst;
        String b = srcFirst ? dst : src;
        String key = a + " " + b + " " + type;
        Counter c = tunnels.get(key);
        if (c == null && tunnels.size() < MAX_TUNNELS) {
            c = new Counter(a, b, type.toString());
            tunnels.put(key, c);
        }
        last = c;
        System.arraycopy(d.tunnelSrc, 0, lastSrc, 0, 16);
        System.arraycopy(d.tunnelDst, 0, lastDst, 0, 16);
        System.arraycopy(d.tunnels, 0, lastTypes, 0, d.tunnelDepth);
        lastDepth = d.tunnelDepth;
        return c;
    }

    /**
     * Adds another part's tunnels (a partial audit read after this one): counts add up, a tunnel new
     * here is kept while fewer than {@link #MAX_TUNNELS} are, else its frames count as unlisted.
     */
    public void add(TunnelStats other) {
        for (Counter o : other.tunnels.values()) {
            add(new Tunnel(o.a, o.b, o.type, o.packets, o.bytes, o.first, o.last));
        }
        packets += other.packets - other.tunnels.values().stream().mapToLong(c -> c.packets).sum();
        packetsOfUnlisted += other.packetsOfUnlisted;
    }

    /** Adds one tunnel's counts (as {@link #tunnels()} lists them), and its frames to {@link #packets()}. */
    public void add(Tunnel t) {
        String key = t.endpointA() + " " + t.endpointB() + " " + t.type();
        Counter c = tunnels.get(key);
        if (c == null && tunnels.size() < MAX_TUNNELS) {
            c = new Counter(t.endpointA(), t.endpointB(), t.type());
            tunnels.put(key, c);
        }
        packets += t.packets();
        if (c == null) {
            packetsOfUnlisted += t.packets();
            return;
        }
        c.packets += t.packets();
        c.bytes += t.bytes();
        c.first = Math.min(c.first, t.firstSeenNanos());
        c.last = Math.max(c.last, t.lastSeenNanos());
        last = null;
    }

    /** Adds frames counted without a listed tunnel ({@link #packetsOfUnlisted()}). */
    public void addUnlisted(long frames) {
        packets += frames;
        packetsOfUnlisted += frames;
    }

    /** Every tunnel kept, by endpoints then type. */
    public List<Tunnel> tunnels() {
        List<Tunnel> out = new ArrayList<>();
        for (Counter c : tunnels.values()) {
            out.add(new Tunnel(c.a, c.b, c.type, c.packets, c.bytes, c.first, c.last));
        }
        out.sort(Comparator.comparing(Tunnel::endpointA).thenComparing(Tunnel::endpointB).thenComparing(Tunnel::type));
        return out;
    }

    /** Frames that came through any tunnel. */
    public long packets() {
        return packets;
    }

    /** Frames of tunnels beyond {@link #MAX_TUNNELS}: counted here, not listed. */
    public long packetsOfUnlisted() {
        return packetsOfUnlisted;
    }
}
