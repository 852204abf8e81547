package dev.ucaudit.engine;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.RawPacket;
import java.util.Arrays;

/**
 * A batch of packets and problems as a source handed them on, copied, in order: what a reader thread passes to
 * the analysis thread when nothing is recorded ({@code audit --threads}). Reused once replayed.
 */
final class CopiedPackets {
    static final int CAPACITY = 4096;
    static final int HEAP_TARGET = 2 << 20;

    int count;
    final long[] number = new long[CAPACITY];
    final long[] nanos = new long[CAPACITY];
    final int[] linkType = new int[CAPACITY];
    final int[] offset = new int[CAPACITY];
    final int[] length = new int[CAPACITY];
    final int[] originalLength = new int[CAPACITY];
    /** A problem reported before packet i, or null. */
    final CaptureProblem[] problemBefore = new CaptureProblem[CAPACITY + 1];
    String source;
    byte[] heap = new byte[HEAP_TARGET];
    int heapUsed;

    boolean full() {
        return count == CAPACITY || heapUsed >= HEAP_TARGET;
    }

    /** Room for a frame of {@code len} bytes, or false when the batch must be handed on first. */
    boolean fits(int len) {
        return count < CAPACITY && (heapUsed + len <= heap.length || count == 0);
    }

    void add(RawPacket raw) {
        if (heapUsed + raw.length > heap.length) {
            heap = Arrays.copyOf(heap, Math.max(heap.length * 2, heapUsed + raw.length));
        }
        int i = count++;
        source = raw.sourceName;
        number[i] = raw.number;
        nanos[i] = raw.timestampNanos;
        linkType[i] = raw.linkType;
        offset[i] = heapUsed;
        length[i] = raw.length;
        originalLength[i] = raw.originalLength;
        System.arraycopy(raw.data, raw.offset, heap, heapUsed, raw.length);
        heapUsed += raw.length;
    }

    /** A problem at this point of the stream: false when one is already waiting here (hand the batch on first). */
    boolean addProblem(CaptureProblem p) {
        if (problemBefore[count] != null || count == CAPACITY) {
            return false;
        }
        problemBefore[count] = p;
        return true;
    }

    RawPacket load(int i, RawPacket raw) {
        return raw.set(source, number[i], nanos[i], linkType[i], heap, offset[i], length[i], originalLength[i]);
    }

    void clear() {
        Arrays.fill(problemBefore, 0, count + 1, null);
        count = 0;
        heapUsed = 0;
    }
}
