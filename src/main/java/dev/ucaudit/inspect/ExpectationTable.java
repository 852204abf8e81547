package dev.ucaudit.inspect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ucaudit.catalog.IpProtocol;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Expectations kept like firewall pinholes: a bounded Caffeine cache keyed by (protocol, address,
 * port), expiring a fixed time after it was written (a later expectation for the same endpoint
 * replaces the earlier one and restarts its timer).
 *
 * <p>Time is capture time, not wall-clock time: the table's clock only moves when the caller
 * passes packet timestamps to {@link #advanceTo(long)} (monotonic: earlier timestamps of merged
 * captures are ignored). Without calls to {@code advanceTo} nothing expires by time; the size
 * bound still applies. Maintenance runs on the calling thread.
 */
public final class ExpectationTable {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private record Key(int protocol, InetAddress address, int port) {
    }

    private final Cache<Key, Expectation> cache;
    private final AtomicLong clock = new AtomicLong();
    private long added;
    private long matched;
    private long unmatched;
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();

    public ExpectationTable() {
        this(100_000, DEFAULT_TTL);
    }

    public ExpectationTable(long maxEntries, Duration ttl) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        Ticker ticker = clock::get;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .executor(Runnable::run)
                .removalListener((Key k, Expectation v, RemovalCause cause) -> {
                    if (cause == RemovalCause.EXPIRED) {
                        expired.incrementAndGet();
                    } else if (cause == RemovalCause.SIZE) {
                        evicted.incrementAndGet();
                    }
                })
                .build();
    }

    /** Moves the table's clock to a packet timestamp (nanoseconds); never backwards. */
    public void advanceTo(long timestampNanos) {
        clock.accumulateAndGet(timestampNanos, Math::max);
    }

    /**
     * Adds (or replaces) the expectation for its endpoint. An "rtcp" expectation does not replace
     * a different kind (e.g. the RTP of one side's SDP at port P+1 when the other side's RTCP is
     * also P+1 on the same host): the existing one is kept and its timer restarted.
     */
    public void add(Expectation e) {
        Key k = new Key(e.protocol().number(), e.address(), e.port());
        Expectation old = cache.getIfPresent(k);
        cache.put(k, old != null && e.kind().equals("rtcp") && !old.kind().equals("rtcp") ? old : e);
        added++;
    }

    /**
     * A flow between (a,aPort) and (b,bPort) over protocol: returns the expectation that covers
     * either endpoint (and whose peer, when set, is the other address). The (a,aPort) endpoint is
     * tried first.
     */
    public Optional<Expectation> match(IpProtocol protocol, InetAddress a, int aPort, InetAddress b, int bPort) {
        Expectation e = lookup(protocol, a, aPort, b);
        if (e == null) {
            e = lookup(protocol, b, bPort, a);
        }
        if (e == null) {
            unmatched++;
            return Optional.empty();
        }
        matched++;
        return Optional.of(e);
    }

    private Expectation lookup(IpProtocol protocol, InetAddress addr, int port, InetAddress other) {
        if (addr == null) {
            return null;
        }
        Expectation e = cache.getIfPresent(new Key(protocol.number(), addr, port));
        if (e == null || (e.peer() != null && !e.peer().equals(other))) {
            return null;
        }
        return e;
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    public long added() {
        return added;
    }

    public long matched() {
        return matched;
    }

    public long unmatched() {
        return unmatched;
    }

    public long expired() {
        return expired.get();
    }

    public long evicted() {
        return evicted.get();
    }
}
