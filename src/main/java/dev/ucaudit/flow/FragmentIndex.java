package dev.ucaudit.flow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ucaudit.decode.DecodedPacket;
import java.time.Duration;
import java.util.Arrays;

/**
 * Remembers which flow an IP datagram's first fragment belonged to, so that its later fragments —
 * which carry no ports — are counted to the same flow. Bounded and expiring on capture time.
 */
public final class FragmentIndex {
    private final Cache<DatagramId, FlowKey> byDatagram;

    public FragmentIndex(long maxEntries, Duration ttl, CaptureClock clock) {
        this.byDatagram = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(clock)
                .executor(Runnable::run).build();
    }

    private record DatagramId(int protocol, long id, String endpoints) {
    }

    private static DatagramId id(DecodedPacket d) {
        int len = d.addressLength();
        String endpoints = Arrays.toString(Arrays.copyOf(d.src, len)) + Arrays.toString(Arrays.copyOf(d.dst, len));
        return new DatagramId(d.protocol, d.fragmentId, endpoints);
    }

    public void remember(DecodedPacket firstFragment, FlowKey key) {
        byDatagram.put(id(firstFragment), key);
    }

    public FlowKey flowOf(DecodedPacket laterFragment) {
        return byDatagram.getIfPresent(id(laterFragment));
    }

    /** Drops the entries whose time passed (the clock moved on without packets). */
    public void cleanUp() {
        byDatagram.cleanUp();
    }
}
