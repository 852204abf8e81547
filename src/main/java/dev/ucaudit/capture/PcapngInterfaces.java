package dev.ucaudit.capture;

import java.util.Arrays;

/**
 * The interfaces one pcapng section declares: link type, snaplen and timestamp unit of each.
 * Grows only when an Interface Description Block arrives, never per packet.
 */
final class PcapngInterfaces {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    /** Most interfaces one section may declare; further descriptions are ignored (counted by the reader). */
    static final int MAX_INTERFACES = 65_536;

    private int count;
    private int[] linkType = new int[4];
    private long[] snaplen = new long[4];
    /** Timestamp resolution exponent: units are 10^-exp s, or 2^-exp s when {@code pow2}. */
    private int[] exponent = new int[4];
    private boolean[] pow2 = new boolean[4];
    private long[] offsetSeconds = new long[4];

    void clear() {
        count = 0;
    }

    int count() {
        return count;
    }

    /** True when another interface would go beyond {@link #MAX_INTERFACES}. */
    boolean full() {
        return count >= MAX_INTERFACES;
    }

    /** Adds an interface; the caller checks {@link #full()} first. */
    int add(int type, long snap) {
        if (full()) {
            throw new IllegalStateException("more than " + MAX_INTERFACES + " interfaces");
        }
        if (count == linkType.length) {
            int n = count * 2;
            linkType = Arrays.copyOf(linkType, n);
            snaplen = Arrays.copyOf(snaplen, n);
            exponent = Arrays.copyOf(exponent, n);
            pow2 = Arrays.copyOf(pow2, n);
            offsetSeconds = Arrays.copyOf(offsetSeconds, n);
        }
        linkType[count] = type;
        snaplen[count] = snap;
        exponent[count] = 6;
        pow2[count] = false;
        offsetSeconds[count] = 0;
        return count++;
    }

    /**
     * Sets the if_tsresol option value of an interface.
     * @return false when the resolution is finer than a timestamp can express
     */
    boolean setResolution(int id, int tsresol) {
        boolean p2 = (tsresol & 0x80) != 0;
        int exp = tsresol & 0x7f;
        if ((!p2 && exp >= POW10.length) || (p2 && exp > 63)) {
            return false;
        }
        exponent[id] = exp;
        pow2[id] = p2;
        return true;
    }

    void setOffsetSeconds(int id, long seconds) {
        offsetSeconds[id] = seconds;
    }

    int linkType(int id) {
        return linkType[id];
    }

    long snaplen(int id) {
        return snaplen[id];
    }

    /** Converts a raw 64-bit timestamp of interface {@code id} to nanoseconds since the epoch. */
    /** True when the timestamp lies beyond what nanoseconds since 1970 in a long hold (the year 2262). */
    boolean beyondNanos(int id, long units) {
        int exp = exponent[id];
        long seconds = pow2[id] ? units >>> exp : Long.divideUnsigned(units, exp < POW10.length ? POW10[exp] : Long.MAX_VALUE);
        return seconds < 0 || seconds + offsetSeconds[id] > Long.MAX_VALUE / 1_000_000_000L - 1;
    }

    long toNanos(int id, long units) {
        int exp = exponent[id];
        long nanos;
        if (pow2[id]) {
            long seconds = exp == 0 ? units : units >>> exp;
            long fraction = exp == 0 ? 0 : units & ((1L << exp) - 1);
            long fracNanos = exp <= 33 ? (fraction * 1_000_000_000L) >>> exp
                    : ((fraction >>> (exp - 33)) * 1_000_000_000L) >>> 33;
            nanos = seconds * 1_000_000_000L + fracNanos;
        } else if (exp <= 9) {
            nanos = units * POW10[9 - exp];
        } else {
            nanos = Long.divideUnsigned(units, POW10[exp - 9]);
        }
        return nanos + offsetSeconds[id] * 1_000_000_000L;
    }
}
