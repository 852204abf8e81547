package dev.ucaudit.engine;

import java.util.Arrays;

/**
 * Per IPv4 TCP/UDP conversation of one input part: how many payloads were seen since it last
 * started (a SYN, or a gap of more than the reset gap), and whether one of them looked like
 * signalling. Open addressing on primitive arrays; when it would pass {@link #MAX_ENTRIES} it is
 * emptied, which only makes every conversation start again, so it keeps more bytes, never fewer.
 */
final class PayloadCounts {
    static final int MAX_ENTRIES = 1 << 21;
    private long[] addresses = new long[1 << 12];
    private int[] ports = new int[1 << 12];
    private long[] last = new long[1 << 12];
    /** 0: empty; else payloads seen (bits 0-30) and bit 31: signalling-like. */
    private int[] state = new int[1 << 12];
    /** Payloads seen since it started that probing and the content check cannot skip (saturating). */
    private byte[] read = new byte[1 << 12];
    private int size;
    private final long resetGapNanos;
    /** The entry of the last {@link #count}. */
    private int slot;

    PayloadCounts(long resetGapNanos) {
        this.resetGapNanos = resetGapNanos;
    }

    /**
     * Sees a packet of the conversation (addresses and ports in either direction) at {@code nanos}: a
     * TCP SYN without ACK ({@code restart}) or a gap of more than the reset gap starts it again, and a
     * packet with a payload counts. Returns the payloads seen since it started, this one included.
     * {@link #signalling()} and {@link #markSignalling()} then concern this conversation.
     */
    int count(int src, int dst, int sport, int dport, int protocol, long nanos, boolean restart, boolean payload) {
        if ((size + 1) * 2 > addresses.length) {
            grow();
        }
        boolean forward = (src & 0xffffffffL) < (dst & 0xffffffffL) || (src == dst && sport <= dport);
        long a = forward ? (long) src << 32 | (dst & 0xffffffffL) : (long) dst << 32 | (src & 0xffffffffL);
        int p = forward ? sport << 16 | dport : dport << 16 | sport;
        int i = find(a, p, protocol);
        int s = state[i];
        if (s == 0) {
            addresses[i] = a;
            ports[i] = p;
            size++;
            s = protocol << 24; // the protocol in bits 24-30, the payloads counted in bits 0-23
            read[i] = 0;
        } else if (restart || nanos - last[i] > resetGapNanos || last[i] - nanos > resetGapNanos) {
            s = protocol << 24;
            read[i] = 0;
        }
        int n = (s & 0xffffff) + (payload ? 1 : 0);
        state[i] = (s & 0xff000000) | Math.min(n, 0xffffff);
        last[i] = nanos;
        slot = i;
        return n;
    }

    /** After {@link #count}: the payloads counted by {@link #countRead} since the conversation started. */
    int readPayloads() {
        return read[slot];
    }

    /** After {@link #count}: counts this payload as one probing and the content check cannot skip. */
    void countRead() {
        if (read[slot] < Byte.MAX_VALUE) {
            read[slot]++;
        }
    }

    /** After {@link #count}: true when a payload of this conversation looked like signalling. */
    boolean signalling() {
        return state[slot] < 0;
    }

    /** After {@link #count}: marks the conversation as carrying something like signalling. */
    void markSignalling() {
        state[slot] |= 0x80000000;
    }

    private int find(long a, int p, int protocol) {
        int mask = addresses.length - 1;
        int i = mix(a, p, protocol) & mask;
        while (state[i] != 0 && (addresses[i] != a || ports[i] != p || ((state[i] >>> 24) & 0x7f) != protocol)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int mix(long a, int p, int protocol) {
        long h = a * 0x9E3779B97F4A7C15L ^ (p * 0xC2B2AE3D27D4EB4FL) ^ protocol;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ h >>> 32);
    }

    private void grow() {
        long[] oa = addresses;
        int[] op = ports;
        long[] ol = last;
        int[] os = state;
        byte[] or = read;
        int capacity = oa.length * 2;
        if (capacity > MAX_ENTRIES * 2) {
            Arrays.fill(state, 0); // start over: every conversation counts again from its next payload
            size = 0;
            return;
        }
        addresses = new long[capacity];
        ports = new int[capacity];
        last = new long[capacity];
        state = new int[capacity];
        read = new byte[capacity];
        size = 0;
        for (int i = 0; i < oa.length; i++) {
            if (os[i] != 0) {
                int j = find(oa[i], op[i], (os[i] >>> 24) & 0x7f);
                addresses[j] = oa[i];
                ports[j] = op[i];
                last[j] = ol[i];
                state[j] = os[i];
                read[j] = or[i];
                size++;
            }
        }
    }
}
