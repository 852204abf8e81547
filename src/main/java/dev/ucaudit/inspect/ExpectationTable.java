package dev.ucaudit.inspect;

import java.util.concurrent.Executor;
import dev.ucaudit.catalog.IpProtocol;
import java.net.InetAddress;
import java.time.Duration;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.concurrent.atomic.LongAdder;
import java.util.Objects;
import java.util.Optional;

/**
 * Expectations kept like firewall pinholes, in a Caffeine cache keyed by (protocol, address, port):
 * bounded, each entry expiring a fixed time after it was written (a later expectation for the same
 * endpoint replaces the earlier one and restarts its timer).
 *
 * <p>Time is capture time, not wall-clock time: the cache's ticker is the table's clock, which only
 * moves when the caller passes packet timestamps to {@link #advanceTo(long)} (monotonic). Without
 * calls to {@code advanceTo} nothing expires by time; the size bound still applies.
 *
 * <p>Caffeine's maintenance (expiry, eviction) runs on the executor the caller gives (the command
 * line gives one thread of its own, off the analysis thread: done synchronously on every write it
 * cost about 4 µs per pinhole on a media-heavy capture, docs/performance.md), else on Caffeine's
 * default executor. Lookups and writes come from the analysis thread only.
 */
public final class ExpectationTable {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /** Longest reason kept with a pinhole; longer ones (a 15 KB Call-ID) are cut, see {@link ShortText}. */
    public static final int MAX_REASON_CHARS = 200;
    /**
     * Estimated heap of one pinhole besides its reason text: key, address, entry, expectation,
     * the cache's node and table slot (measured order of magnitude, not exact).
     */
    static final int ENTRY_OVERHEAD_BYTES = 280;

    private record Key(int protocol, InetAddress address, int port) {
        /**
         * Mixed, unlike a record's default (31 * h + field), under which media endpoints (nearby
         * addresses, ports a step of 2 apart) collided so much that the map's bins turned into trees.
         */
        @Override
        public int hashCode() {
            long h = (long) address.hashCode() * 0x9E3779B97F4A7C15L + (((long) port << 8) | protocol) * 0xC2B2AE3D27D4EB4FL;
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            return (int) (h ^ h >>> 32);
        }
    }

    private static final class Entry {
        final Expectation expectation;
        final Object tag;
        final long writtenNanos;

        Entry(Expectation expectation, Object tag, long writtenNanos) {
            this.expectation = expectation;
            this.tag = tag;
            this.writtenNanos = writtenNanos;
        }
    }

    private final Cache<Key, Entry> entries;
    private final long maxEntries;
    private final long maxBytes;
    /** Capture time; read by Caffeine's maintenance thread through the ticker. */
    private volatile long clock;
    private long added;
    private long matched;
    private long unmatched;
    private final LongAdder expired = new LongAdder();
    private final LongAdder evicted = new LongAdder();

    public ExpectationTable() {
        this(100_000, DEFAULT_TTL);
    }

    /** A table bounded by entries only (each entry weighs the same). */
    public ExpectationTable(long maxEntries, Duration ttl) {
        this(maxEntries, maxEntries * (ENTRY_OVERHEAD_BYTES + 2L * MAX_REASON_CHARS + 64), ttl);
    }

    /**
     * A table holding at most {@code maxEntries} pinholes and about {@code maxBytes} of heap; when
     * either is reached, the oldest pinholes are evicted (counted by {@link #evicted()}).
     */
    public ExpectationTable(long maxEntries, long maxBytes, Duration ttl) {
        this(maxEntries, maxBytes, ttl, null);
    }

    /** As {@link #ExpectationTable(long, long, Duration)}, with Caffeine's maintenance on {@code maintenance} (null: Caffeine's default). */
    public ExpectationTable(long maxEntries, long maxBytes, Duration ttl, Executor maintenance) {
        if (maxEntries <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("maxEntries and maxBytes must be positive: " + maxEntries + ", " + maxBytes);
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        // every entry weighs at least maxBytes / maxEntries, so the weight bound is also the count bound
        int minWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes / maxEntries));
        Caffeine<Object, Object> builder = Caffeine.newBuilder();
        if (maintenance != null) {
            builder.executor(maintenance);
        }
        this.entries = builder
                .maximumWeight(maxBytes)
                .<Key, Entry>weigher((k, v) -> Math.max(minWeight, bytesOf(v.expectation)))
                .expireAfterWrite(ttl)
                .ticker(() -> clock)
                .<Key, Entry>evictionListener((k, v, cause) -> { // called within the eviction: counts are exact after cleanUp
                    if (cause == RemovalCause.EXPIRED) {
                        expired.increment();
                    } else if (cause == RemovalCause.SIZE) {
                        evicted.increment();
                    }
                })
                .build();
    }

    /** Moves the table's clock to a packet timestamp (nanoseconds); never backwards. */
    public void advanceTo(long timestampNanos) {
        if (timestampNanos > clock) {
            clock = timestampNanos;
        }
    }

    /**
     * Adds (or replaces) the expectation for its endpoint. An "rtcp" expectation does not replace
     * a different kind (e.g. the RTP of one side's SDP at port P+1 when the other side's RTCP is
     * also P+1 on the same host): the existing one is kept and its timer restarted.
     */
    public void add(Expectation e) {
        add(e, null);
    }

    /** As {@link #add(Expectation)}, with a tag that {@link #tagOf} gives back for the kept expectation. */
    public void add(Expectation e, Object tag) {
        if (e.reason().length() > MAX_REASON_CHARS) {
            e = new Expectation(e.address(), e.port(), e.protocol(), e.inspector(), e.kind(),
                    ShortText.of(e.reason(), MAX_REASON_CHARS), e.peer());
        }
        Key k = new Key(e.protocol().number(), e.address(), e.port());
        Entry old = entries.getIfPresent(k);
        Entry keep = old != null && (e.kind().equals(Channel.RTCP) && !old.expectation.kind().equals(Channel.RTCP) || sameOpening(old, e, tag))
                ? new Entry(old.expectation, old.tag, clock) : new Entry(e, tag, clock);
        entries.put(k, keep);
        added++;
    }

    /**
     * True when {@code e} announces again what {@code old} opened (the same call's media on the same
     * port: a 200 OK repeating the 183's SDP): the message that opened the port stays the one cited.
     */
    private static boolean sameOpening(Entry old, Expectation e, Object tag) {
        Expectation o = old.expectation;
        if (!o.inspector().equals(e.inspector()) || !o.kind().equals(e.kind()) || !Objects.equals(o.peer(), e.peer())
                || !Objects.equals(old.tag, tag)) {
            return false;
        }
        int cut = o.reason().indexOf(" (");
        return cut > 0 && e.reason().startsWith(o.reason().substring(0, cut + 2));
    }

    /**
     * A flow between (a,aPort) and (b,bPort) over protocol: returns the expectation that covers
     * either endpoint (and whose peer, when set, is the other address). The (a,aPort) endpoint is
     * tried first.
     */
    public Optional<Expectation> match(IpProtocol protocol, InetAddress a, int aPort, InetAddress b, int bPort) {
        Entry e = matchEntry(protocol, a, aPort, b, bPort);
        return e == null ? Optional.empty() : Optional.of(e.expectation);
    }

    /** As {@link #match}, giving the tag the expectation was added with (null when none or no match). */
    public Object lastMatchTag() {
        return lastMatchTag;
    }

    private Object lastMatchTag;

    private Entry matchEntry(IpProtocol protocol, InetAddress a, int aPort, InetAddress b, int bPort) {
        Entry e = lookup(protocol, a, aPort, b);
        if (e == null) {
            e = lookup(protocol, b, bPort, a);
        }
        if (e == null) {
            unmatched++;
            lastMatchTag = null;
            return null;
        }
        matched++;
        lastMatchTag = e.tag;
        return e;
    }

    private Entry lookup(IpProtocol protocol, InetAddress addr, int port, InetAddress other) {
        if (addr == null) {
            return null;
        }
        Entry e = entries.getIfPresent(new Key(protocol.number(), addr, port));
        if (e == null || (e.expectation.peer() != null && !e.expectation.peer().equals(other))) {
            return null;
        }
        return e;
    }

    /** Estimated heap of one pinhole (the reason's characters counted as 2 bytes). */
    static int bytesOf(Expectation e) {
        return ENTRY_OVERHEAD_BYTES + 2 * e.reason().length()
                + (e.address().getAddress().length > 4 ? 40 : 0);
    }

    /** Estimated heap held by the pinholes now in the table (never above {@link #maxBytes()}). */
    public long bytesHeld() {
        entries.cleanUp();
        return entries.policy().eviction().map(ev -> ev.weightedSize().orElse(0L)).orElse(0L);
    }

    public long maxEntries() {
        return maxEntries;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Runs Caffeine's pending maintenance now: expired pinholes leave (e.g. after the clock moved on). */
    public void cleanUp() {
        entries.cleanUp();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
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
        entries.cleanUp();
        return expired.sum();
    }

    public long evicted() {
        entries.cleanUp();
        return evicted.sum();
    }
}
