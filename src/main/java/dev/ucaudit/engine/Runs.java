package dev.ucaudit.engine;

import java.util.Arrays;

/**
 * The runs of one input part: packets of one IPv4 UDP 5-tuple that a partial audit keeps as one
 * aggregate instead of one record each ({@link FlowRuns} says which may be). A run is replayed at the
 * place of its last packet ({@link #ordinal}) as all its packets at once: packets, bytes and
 * payloads per side (side A: the lower address, then port, as {@code FlowKey} orders them), its
 * first, last and latest times, and the capture clock after its last packet (the latest time the
 * part had read by then). Columns of primitives, filled by {@link FlowRuns}; sorted by ordinal
 * when the part ends, then only read.
 */
final class Runs {
    /** Bytes a run costs in memory (its columns). */
    static final int BYTES_PER_RUN = 8 * 9 + 4 * 4;
    /** A run stops growing at this many packets (its counts are ints). */
    static final int MOST_PACKETS = 1 << 30;

    int count;
    long[] ordinal;
    long[] firstNanos;
    long[] lastNanos;
    long[] maxNanos;
    long[] clockNanos;
    /** Side A's address << 32 | side B's address. */
    long[] addresses;
    /** Side A's port << 16 | side B's port. */
    int[] ports;
    int[] packetsA;
    int[] packetsB;
    long[] bytesA;
    long[] bytesB;
    /** Packets of the run with a payload. */
    int[] payloads;

    Runs(int capacity) {
        ordinal = new long[capacity];
        firstNanos = new long[capacity];
        lastNanos = new long[capacity];
        maxNanos = new long[capacity];
        clockNanos = new long[capacity];
        addresses = new long[capacity];
        ports = new int[capacity];
        packetsA = new int[capacity];
        packetsB = new int[capacity];
        bytesA = new long[capacity];
        bytesB = new long[capacity];
        payloads = new int[capacity];
    }

    static Runs none() {
        return new Runs(0);
    }

    /** Starts a run of one packet; returns its index. */
    int start(long ord, long nanos, long clock, long addressPair, int portPair, boolean fromA, int wireBytes, boolean payload) {
        if (count == ordinal.length) {
            grow(Math.max(64, count * 2));
        }
        int i = count++;
        firstNanos[i] = nanos;
        maxNanos[i] = nanos;
        addresses[i] = addressPair;
        ports[i] = portPair;
        add(i, ord, nanos, clock, fromA, wireBytes, payload);
        return i;
    }

    /** One more packet of run {@code i}. */
    void add(int i, long ord, long nanos, long clock, boolean fromA, int wireBytes, boolean payload) {
        ordinal[i] = ord;
        lastNanos[i] = nanos;
        if (nanos > maxNanos[i]) {
            maxNanos[i] = nanos;
        }
        clockNanos[i] = clock;
        if (fromA) {
            packetsA[i]++;
            bytesA[i] += wireBytes;
        } else {
            packetsB[i]++;
            bytesB[i] += wireBytes;
        }
        payloads[i] += payload ? 1 : 0;
    }

    long packets(int i) {
        return (long) packetsA[i] + packetsB[i];
    }

    /** Packets of all runs. */
    long packets() {
        long n = 0;
        for (int i = 0; i < count; i++) {
            n += packets(i);
        }
        return n;
    }

    private void grow(int capacity) {
        ordinal = Arrays.copyOf(ordinal, capacity);
        firstNanos = Arrays.copyOf(firstNanos, capacity);
        lastNanos = Arrays.copyOf(lastNanos, capacity);
        maxNanos = Arrays.copyOf(maxNanos, capacity);
        clockNanos = Arrays.copyOf(clockNanos, capacity);
        addresses = Arrays.copyOf(addresses, capacity);
        ports = Arrays.copyOf(ports, capacity);
        packetsA = Arrays.copyOf(packetsA, capacity);
        packetsB = Arrays.copyOf(packetsB, capacity);
        bytesA = Arrays.copyOf(bytesA, capacity);
        bytesB = Arrays.copyOf(bytesB, capacity);
        payloads = Arrays.copyOf(payloads, capacity);
    }

    /** These runs in the order of their last packets, with room for what they hold and no more. */
    Runs sorted() {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(ordinal[x], ordinal[y]));
        Runs s = new Runs(0);
        s.ordinal = permuted(ordinal, order);
        s.firstNanos = permuted(firstNanos, order);
        s.lastNanos = permuted(lastNanos, order);
        s.maxNanos = permuted(maxNanos, order);
        s.clockNanos = permuted(clockNanos, order);
        s.addresses = permuted(addresses, order);
        s.ports = permuted(ports, order);
        s.packetsA = permuted(packetsA, order);
        s.packetsB = permuted(packetsB, order);
        s.bytesA = permuted(bytesA, order);
        s.bytesB = permuted(bytesB, order);
        s.payloads = permuted(payloads, order);
        s.count = count;
        return s;
    }

    private static long[] permuted(long[] column, Integer[] order) {
        long[] p = new long[order.length];
        for (int j = 0; j < order.length; j++) {
            p[j] = column[order[j]];
        }
        return p;
    }

    private static int[] permuted(int[] column, Integer[] order) {
        int[] p = new int[order.length];
        for (int j = 0; j < order.length; j++) {
            p[j] = column[order[j]];
        }
        return p;
    }

    /** What these runs occupy in memory, about. */
    long cost() {
        return (long) ordinal.length * BYTES_PER_RUN + 200;
    }
}
