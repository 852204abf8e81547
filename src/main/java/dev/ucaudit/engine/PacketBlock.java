package dev.ucaudit.engine;

import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.DecodedPacket;
import java.util.Arrays;

/**
 * Up to {@link #CAPACITY} IP packets of one input as a partial audit keeps them, in reading order:
 * each either as its whole frame (replayed through the decoder again) or as the decoded fields the
 * flows need without its payload bytes (a "compact" packet: IPv4 TCP or UDP whose payload no
 * inspector or probe can use); and clock marks ({@link #addClock}, see {@link FlowRuns}). The
 * packets a part aggregates are not here but in its {@link Runs}. Columns of primitives; filled by {@link PartialRecorder}, read by
 * {@link #replay}. A block is filled on one thread and then only read.
 */
final class PacketBlock {
    static final int CAPACITY = 8192;
    /** A block's frame bytes stop growing past this (a larger single frame still fits). */
    static final int HEAP_TARGET = 4 << 20;
    private static final int FRAME = 1 << 31;
    /** The kind of a clock mark: no packet, the capture clock of one run at this place ({@link FlowRuns}). */
    static final int CLOCK = 1 << 30;


    /** Bytes a block costs per packet it has room for (its nine columns). */
    static final int BYTES_PER_PACKET = 8 + 8 + 4 + 4 + 4 + 8 + 4 + 4 + 4;

    int count;
    /** 1-based number of the packet among all packets (IP or not) of its input part. */
    final long[] ordinal;
    final long[] nanos;
    final int[] originalLength;
    /** Frame: FRAME | link type. Compact: protocol | TCP flags << 8 | tunnel depth << 16. */
    final int[] kind;
    /** Frame: offset in {@link #heap}. Compact: source port << 16 | destination port. */
    final int[] ports;
    /** Compact: source address << 32 | destination address (IPv4). */
    final long[] addresses;
    /** Frame: captured length. Compact: IP length. */
    final int[] length;
    final int[] payloadLength;
    final int[] tcpSeq;

    byte[] heap = new byte[0];
    int heapUsed;

    /** A block to be filled: room for {@link #CAPACITY} packets. */
    PacketBlock() {
        this(CAPACITY);
    }

    /** A block with room for {@code capacity} packets (what a block read from a partial holds, no more). */
    PacketBlock(int capacity) {
        ordinal = new long[capacity];
        nanos = new long[capacity];
        originalLength = new int[capacity];
        kind = new int[capacity];
        ports = new int[capacity];
        addresses = new long[capacity];
        length = new int[capacity];
        payloadLength = new int[capacity];
        tcpSeq = new int[capacity];
    }

    boolean full() {
        return count == ordinal.length || heapUsed >= HEAP_TARGET;
    }

    /**
     * This block with room for what it holds and no more: a part of a few packets (a quiet period, a
     * one-packet capture) then costs what it holds, not a whole block's columns (393 KB).
     */
    PacketBlock trimmed() {
        if (count == ordinal.length && heapUsed == heap.length) {
            return this;
        }
        PacketBlock t = new PacketBlock(count);
        System.arraycopy(ordinal, 0, t.ordinal, 0, count);
        System.arraycopy(nanos, 0, t.nanos, 0, count);
        System.arraycopy(originalLength, 0, t.originalLength, 0, count);
        System.arraycopy(kind, 0, t.kind, 0, count);
        System.arraycopy(ports, 0, t.ports, 0, count);
        System.arraycopy(addresses, 0, t.addresses, 0, count);
        System.arraycopy(length, 0, t.length, 0, count);
        System.arraycopy(payloadLength, 0, t.payloadLength, 0, count);
        System.arraycopy(tcpSeq, 0, t.tcpSeq, 0, count);
        t.count = count;
        t.heap = Arrays.copyOf(heap, heapUsed);
        t.heapUsed = heapUsed;
        return t;
    }

    /** What this block occupies in memory, about (columns, frame bytes, the objects). */
    long cost() {
        return (long) ordinal.length * BYTES_PER_PACKET + heap.length + 200;
    }

    void addFrame(long ord, RawPacket raw) {
        int i = count++;
        ordinal[i] = ord;
        nanos[i] = raw.timestampNanos;
        originalLength[i] = raw.originalLength;
        kind[i] = FRAME | (raw.linkType & 0xffff);
        if (heapUsed + raw.length > heap.length) {
            heap = Arrays.copyOf(heap, Math.max(heapUsed + raw.length, Math.min(HEAP_TARGET + 65536, Math.max(4096, heap.length * 2))));
        }
        System.arraycopy(raw.data, raw.offset, heap, heapUsed, raw.length);
        ports[i] = heapUsed;
        length[i] = raw.length;
        heapUsed += raw.length;
    }

    void addCompact(long ord, RawPacket raw, DecodedPacket d) {
        int i = count++;
        ordinal[i] = ord;
        nanos[i] = raw.timestampNanos;
        originalLength[i] = raw.originalLength;
        kind[i] = d.protocol | (d.tcpFlags & 0xff) << 8 | d.tunnelDepth << 16;
        ports[i] = d.srcPort << 16 | d.dstPort;
        addresses[i] = (long) int32(d.src) << 32 | (int32(d.dst) & 0xffffffffL);
        length[i] = d.ipLength;
        payloadLength[i] = d.payloadLength;
        tcpSeq[i] = (int) d.tcpSeq;
    }

    /** A clock mark at packet {@code ord}: the replay's capture clock moves on to {@code clockNanos}. */
    void addClock(long ord, long clockNanos) {
        int i = count++;
        ordinal[i] = ord;
        nanos[i] = clockNanos;
        originalLength[i] = 0;
        kind[i] = CLOCK;
        ports[i] = 0;
        addresses[i] = 0;
        length[i] = 0;
        payloadLength[i] = 0;
        tcpSeq[i] = 0;
    }

    boolean isClock(int i) {
        return kind[i] == CLOCK;
    }

    /** A decoded (not whole-frame) record's kind: tunnelled packets are always recorded whole, so it names no tunnel. */
    static boolean compactKindValid(int kind) {
        return ((kind >>> 16) & 0x7) == 0;
    }

    boolean isFrame(int i) {
        return (kind[i] & FRAME) != 0;
    }

    /** An IPv4 address's 4 bytes as an int (big-endian). */
    static int int32(byte[] a) {
        return (a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | (a[3] & 0xff);
    }

    /** Fills {@code raw} (and {@code d}, for a compact packet) with packet {@code i}; returns false for a whole frame. */
    boolean load(int i, String source, RawPacket raw, DecodedPacket d) {
        if (isFrame(i)) {
            raw.set(source, ordinal[i], nanos[i], kind[i] & 0xffff, heap, ports[i], length[i], originalLength[i]);
            return false;
        }
        raw.set(source, ordinal[i], nanos[i], 0, heap, 0, 0, originalLength[i]);
        d.reset();
        d.ipVersion = 4;
        int k = kind[i];
        d.protocol = k & 0xff;
        d.tcpFlags = (k >>> 8) & 0xff;
        d.tunnelDepth = (k >>> 16) & 0x7;
        d.srcPort = ports[i] >>> 16;
        d.dstPort = ports[i] & 0xffff;
        long a = addresses[i];
        put32(d.src, (int) (a >>> 32));
        put32(d.dst, (int) a);
        d.ipLength = length[i];
        d.payloadLength = payloadLength[i];
        d.payloadWireLength = payloadLength[i];
        d.tcpSeq = tcpSeq[i] & 0xffffffffL;
        d.payloadOffset = 0;
        d.payloadAbsent = true;
        return true;
    }

    private static void put32(byte[] a, int v) {
        a[0] = (byte) (v >>> 24);
        a[1] = (byte) (v >>> 16);
        a[2] = (byte) (v >>> 8);
        a[3] = (byte) v;
    }

    long frameBytes() {
        return heapUsed;
    }
}
