package dev.ucaudit.flow;

import dev.ucaudit.decode.DecodedPacket;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The flow table of the hot path, built the way Zeek and Suricata build theirs: open addressing
 * (linear probing, backward-shift deletion) over the flows themselves, compared on primitive key
 * fields that {@link Flow} carries, plus an intrusive doubly linked list in access order. Looking a
 * packet up allocates nothing; only a new flow allocates (its {@link Flow} and {@link FlowKey}).
 *
 * <p>Same contract as the Caffeine table it replaces ({@link CaffeineFlowTable}, kept as the
 * benchmark's reference): at most {@code maxFlows} flows (the least recently used one is pushed out,
 * where Caffeine picks by W-TinyLFU); a flow not touched for {@code idleTimeout} of capture time
 * expires (checked on lookup, on insertion and on {@link #cleanUp()}); every flow that leaves reaches
 * {@code finished}. Because capture time only moves forward, the access list is also ordered by last
 * access time, so expiry only ever looks at its head. Single-threaded.
 */
public final class IntrusiveFlowTable implements FlowTable {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int INITIAL_CAPACITY = 1 << 12;

    private final long maxFlows;
    private final long idleNanos;
    private final CaptureClock clock;
    private final Consumer<Flow> finished;
    private Flow[] slots = new Flow[INITIAL_CAPACITY];
    private int mask = INITIAL_CAPACITY - 1;
    private int size;
    /** Least recently accessed first. */
    private Flow oldest;
    private Flow newest;
    private boolean lastFromA;
    private long evictedIdle;
    private long evictedSize;

    public IntrusiveFlowTable(long maxFlows, Duration idleTimeout, CaptureClock clock, Consumer<Flow> finished) {
        if (maxFlows <= 0) {
            throw new IllegalArgumentException("maxFlows must be positive: " + maxFlows);
        }
        this.maxFlows = maxFlows;
        this.idleNanos = idleTimeout.toNanos();
        this.clock = clock;
        this.finished = finished;
    }

    static long hi(byte[] address) {
        return address.length == 16 ? (long) LONG_BE.get(address, 0) : 0L;
    }

    static long lo(byte[] address) {
        return address.length == 16 ? (long) LONG_BE.get(address, 8) : Integer.toUnsignedLong((int) INT_BE.get(address, 0));
    }

    static int hash(int family, int protocol, long aHi, long aLo, int portA, long bHi, long bLo, int portB) {
        long h = aLo * 0x9E3779B97F4A7C15L;
        h = (h ^ bLo) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ aHi ^ Long.rotateLeft(bHi, 17)) * 0x9E3779B97F4A7C15L;
        h ^= ((long) portA << 32) ^ (portB & 0xffffffffL) ^ ((long) protocol << 24) ^ family;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    @Override
    public Flow lookup(DecodedPacket d) {
        int family = d.ipVersion == 6 ? 6 : 4;
        long sHi;
        long sLo;
        long dHi;
        long dLo;
        if (family == 6) {
            sHi = (long) LONG_BE.get(d.src, 0);
            sLo = (long) LONG_BE.get(d.src, 8);
            dHi = (long) LONG_BE.get(d.dst, 0);
            dLo = (long) LONG_BE.get(d.dst, 8);
        } else {
            sHi = 0;
            dHi = 0;
            sLo = Integer.toUnsignedLong((int) INT_BE.get(d.src, 0));
            dLo = Integer.toUnsignedLong((int) INT_BE.get(d.dst, 0));
        }
        int sp = d.srcPort;
        int dp = d.dstPort;
        // the order of FlowKey.of: addresses unsigned byte-wise (= unsigned big-endian longs), then ports
        int c = Long.compareUnsigned(sHi, dHi);
        if (c == 0) {
            c = Long.compareUnsigned(sLo, dLo);
            if (c == 0) {
                c = Integer.compare(sp, dp);
            }
        }
        if (c <= 0) {
            lastFromA = true;
            return find(family, d.protocol, sHi, sLo, sp, dHi, dLo, dp);
        }
        lastFromA = false;
        return find(family, d.protocol, dHi, dLo, dp, sHi, sLo, sp);
    }

    @Override
    public boolean lastFromA() {
        return lastFromA;
    }

    @Override
    public Flow get(FlowKey key) {
        byte[] a = key.addressA();
        byte[] b = key.addressB();
        return find(a.length == 16 ? 6 : 4, key.protocol(), hi(a), lo(a), key.portA(), hi(b), lo(b), key.portB());
    }

    private Flow find(int family, int protocol, long aHi, long aLo, int portA, long bHi, long bLo, int portB) {
        int h = hash(family, protocol, aHi, aLo, portA, bHi, bLo, portB);
        Flow[] s = slots;
        int m = mask;
        for (int i = h & m; ; i = (i + 1) & m) {
            Flow f = s[i];
            if (f == null) {
                return null;
            }
            if (f.hash == h && f.aLo == aLo && f.bLo == bLo && f.portA == portA && f.portB == portB
                    && f.protocol == protocol && f.aHi == aHi && f.bHi == bHi && f.family == family) {
                long now = clock.read();
                if (now - f.accessNanos >= idleNanos) {
                    remove(f);
                    evictedIdle++;
                    finished.accept(f);
                    return null;
                }
                f.accessNanos = now;
                touch(f);
                return f;
            }
        }
    }

    @Override
    public void put(Flow flow) {
        if (flow.inTable) {
            throw new IllegalStateException("flow already in the table");
        }
        expireIdle(clock.read());
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        insertSlot(flow);
        flow.inTable = true;
        flow.accessNanos = clock.read();
        flow.older = newest;
        flow.newer = null;
        if (newest != null) {
            newest.newer = flow;
        } else {
            oldest = flow;
        }
        newest = flow;
        size++;
        while (size > maxFlows) {
            Flow victim = oldest;
            remove(victim);
            evictedSize++;
            finished.accept(victim);
        }
    }

    @Override
    public void finish(Flow flow) {
        if (flow.inTable) {
            remove(flow);
        }
        finished.accept(flow);
    }

    @Override
    public void cleanUp() {
        expireIdle(clock.read());
    }

    private void expireIdle(long now) {
        Flow f = oldest;
        while (f != null && now - f.accessNanos >= idleNanos) {
            Flow next = f.newer;
            remove(f);
            evictedIdle++;
            finished.accept(f);
            f = next;
        }
    }

    @Override
    public void drain() {
        cleanUp();
        List<Flow> rest = new ArrayList<>(size);
        for (Flow f = oldest; f != null; f = f.newer) {
            rest.add(f);
        }
        for (Flow f : rest) {
            remove(f);
        }
        rest.sort(Comparator.comparingLong(Flow::firstSeenNanos));
        rest.forEach(finished);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void forEach(Consumer<Flow> action) {
        for (Flow f = oldest; f != null; f = f.newer) {
            action.accept(f);
        }
    }

    @Override
    public long evictedIdle() {
        return evictedIdle;
    }

    @Override
    public long evictedSize() {
        return evictedSize;
    }

    /** Moves a flow to the newest end of the access list. */
    private void touch(Flow f) {
        if (f == newest) {
            return;
        }
        unlink(f);
        f.older = newest;
        f.newer = null;
        newest.newer = f;
        newest = f;
    }

    private void unlink(Flow f) {
        if (f.older != null) {
            f.older.newer = f.newer;
        } else {
            oldest = f.newer;
        }
        if (f.newer != null) {
            f.newer.older = f.older;
        } else {
            newest = f.older;
        }
        f.older = null;
        f.newer = null;
    }

    private void remove(Flow f) {
        unlink(f);
        f.inTable = false;
        size--;
        Flow[] s = slots;
        int m = mask;
        int i = f.hash & m;
        while (s[i] != f) {
            i = (i + 1) & m;
        }
        // backward-shift deletion: pull later members of the probe run into the hole
        int hole = i;
        for (int j = (hole + 1) & m; s[j] != null; j = (j + 1) & m) {
            int home = s[j].hash & m;
            // move s[j] into the hole when its home is not in (hole, j] cyclically
            if (((j - home) & m) >= ((j - hole) & m)) {
                s[hole] = s[j];
                hole = j;
            }
        }
        s[hole] = null;
    }

    private void insertSlot(Flow flow) {
        Flow[] s = slots;
        int m = mask;
        int i = flow.hash & m;
        while (s[i] != null) {
            i = (i + 1) & m;
        }
        s[i] = flow;
    }

    private void grow() {
        Flow[] old = slots;
        slots = new Flow[old.length * 2];
        mask = slots.length - 1;
        for (Flow f : old) {
            if (f != null) {
                insertSlot(f);
            }
        }
    }
}
