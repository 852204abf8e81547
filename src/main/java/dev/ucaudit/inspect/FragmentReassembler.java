package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.inspect.stream.Bytes;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded IPv4/IPv6 fragment reassembly, for inspecting UDP signalling (SIP) that was fragmented.
 *
 * <p>Input: one fragment's <em>IP payload</em> bytes — for the first fragment (offset 0) that
 * starts with the transport (UDP) header, for later fragments it is the raw continuation — with
 * the fragment offset in bytes and the more-fragments flag. Output, once every byte from 0 to the
 * end of the last fragment is present: the whole transport segment (UDP header included), from
 * which {@link Reassembled#udpPayloadOffset()} skips the 8-byte UDP header.
 *
 * <p>Bounds: at most {@code maxDatagrams} partial datagrams (Caffeine, least recently used
 * evicted), each at most {@code maxBytes} long, expiring {@code ttl} after the first fragment in
 * capture time ({@link #advanceTo}). Counted and dropped: fragments overlapping bytes already held
 * with different content (the whole datagram is dropped), fragments past the size bound, a second
 * last fragment that disagrees on the total length, and non-last fragments whose length is not a
 * multiple of 8.
 */
public final class FragmentReassembler {
    /** A completed datagram: the IP payload (transport header included). */
    public record Reassembled(int protocol, byte[] ipPayload) {
        /** Offset of the UDP payload (after the 8-byte header), or -1 when too short. */
        public int udpPayloadOffset() {
            return ipPayload.length >= 8 ? 8 : -1;
        }

        public int udpDestinationPort() {
            return ipPayload.length >= 8 ? Bytes.u16be(ipPayload, 2) : -1;
        }
    }

    private record Key(int version, String src, String dst, int protocol, long id) {
    }

    private static final class Partial {
        byte[] data = new byte[2048];
        final BitSet have = new BitSet();
        int total = -1;
    }

    private final Cache<Key, Partial> partials;
    private final int maxBytes;
    private final AtomicLong clock = new AtomicLong();
    private long completed;
    private long dropped;

    public FragmentReassembler() {
        this(1024, 65535, Duration.ofSeconds(30));
    }

    public FragmentReassembler(long maxDatagrams, int maxBytes, Duration ttl) {
        this.maxBytes = maxBytes;
        Ticker t = clock::get;
        this.partials = Caffeine.newBuilder().maximumSize(maxDatagrams).expireAfterWrite(ttl).ticker(t)
                .executor(Runnable::run).build();
    }

    public void advanceTo(long timestampNanos) {
        clock.accumulateAndGet(timestampNanos, Math::max);
    }

    /**
     * Offers one fragment of a {@link DecodedPacket} whose {@code payloadOffset/payloadLength}
     * point at the IP payload fragment in {@code packetBuf}. For a first UDP fragment, where the
     * decoder already parsed the UDP header ({@code srcPort >= 0}), the 8 header bytes just before
     * {@code payloadOffset} are included.
     */
    public Optional<Reassembled> offer(DecodedPacket p, byte[] packetBuf) {
        int off = p.payloadOffset;
        int len = p.payloadLength;
        if (p.fragmentOffset == 0 && p.protocol == IpProtocol.UDP.number() && p.srcPort >= 0) {
            off -= 8;
            len += 8;
        }
        int alen = p.addressLength();
        return offer(p.ipVersion, Arrays.copyOf(p.src, alen), Arrays.copyOf(p.dst, alen), p.protocol, p.fragmentId,
                p.fragmentOffset, p.moreFragments, packetBuf, off, len);
    }

    /** Offers one fragment given the raw IP payload fragment {@code buf[off, off+len)}. */
    public Optional<Reassembled> offer(int ipVersion, byte[] src, byte[] dst, int protocol, long fragmentId,
            int fragmentOffset, boolean moreFragments, byte[] buf, int off, int len) {
        if (buf == null || !Bytes.has(off, len, buf.length) || fragmentOffset < 0 || src == null || dst == null) {
            dropped++;
            return Optional.empty();
        }
        long end = (long) fragmentOffset + len;
        if (end > maxBytes || (moreFragments && len % 8 != 0) || (moreFragments && len == 0)) {
            dropped++;
            return Optional.empty();
        }
        Key key = new Key(ipVersion, Bytes.hex(src, 0, src.length), Bytes.hex(dst, 0, dst.length), protocol, fragmentId);
        Partial part = partials.get(key, k -> new Partial());
        if (!moreFragments) {
            if (part.total >= 0 && part.total != end) {
                partials.invalidate(key);
                dropped++;
                return Optional.empty();
            }
            part.total = (int) end;
        }
        if (part.total >= 0 && end > part.total) {
            partials.invalidate(key);
            dropped++;
            return Optional.empty();
        }
        if (part.data.length < end) {
            part.data = Arrays.copyOf(part.data, (int) Math.min(maxBytes, Math.max(end, part.data.length * 2L)));
        }
        for (int i = 0; i < len; i++) {
            int at = fragmentOffset + i;
            if (part.have.get(at) && part.data[at] != buf[off + i]) {
                partials.invalidate(key);
                dropped++;
                return Optional.empty();
            }
            part.data[at] = buf[off + i];
        }
        part.have.set(fragmentOffset, (int) end);
        if (part.total >= 0 && part.have.nextClearBit(0) >= part.total) {
            partials.invalidate(key);
            completed++;
            return Optional.of(new Reassembled(protocol, Arrays.copyOf(part.data, part.total)));
        }
        return Optional.empty();
    }

    public long completed() {
        return completed;
    }

    /** Fragments counted and dropped (overlapping with different bytes, lying lengths, over the bound). */
    public long dropped() {
        return dropped;
    }

    public long pending() {
        partials.cleanUp();
        return partials.estimatedSize();
    }
}
