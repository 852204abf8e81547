package dev.ucaudit.capture.live;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The hand-off between the capture thread and the analysis thread: a fixed pool of preallocated
 * blocks, each holding many packets (16-byte header: timestamp, captured length, wire length; then
 * the bytes). The capture thread appends into the current block; a full block, or a partial one
 * older than the flush delay, goes to the analysis thread through a bounded queue; the analysis
 * thread gives it back once read. When no free block is left the packet is dropped and counted:
 * analysis could not keep up. Nothing is allocated per packet.
 */
public final class PacketBatches {
    static final int HEADER = 16;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

    /** A block of packets. Read it with {@link #cursor()} methods on the analysis thread. */
    public static final class Block {
        final byte[] data;
        int used;
        int count;
        long firstAppendNanos;

        Block(int size) {
            data = new byte[size];
        }

        public int count() {
            return count;
        }

        public byte[] data() {
            return data;
        }

        public int used() {
            return used;
        }

        public static long timestampNanos(byte[] data, int at) {
            return (long) LONG.get(data, at);
        }

        public static int capturedLength(byte[] data, int at) {
            return (int) INT.get(data, at + 8);
        }

        public static int wireLength(byte[] data, int at) {
            return (int) INT.get(data, at + 12);
        }

        /** Offset of the next record after the one at {@code at}. */
        public static int next(byte[] data, int at) {
            return at + HEADER + capturedLength(data, at);
        }
    }

    private final int blockSize;
    private final long flushAfterNanos;
    private final ArrayBlockingQueue<Block> free;
    private final ArrayBlockingQueue<Block> full;
    private Block current;
    private long appended;
    private volatile long dropped;
    private long batches;

    /**
     * @param blockSize      bytes per block; a packet larger than a block is cut to fit
     * @param blocks         number of blocks (total memory = blocks × blockSize)
     * @param flushAfterNanos a partial block older than this is handed on by {@link #flushIfOlder}
     */
    public PacketBatches(int blockSize, int blocks, long flushAfterNanos) {
        if (blocks < 2 || blockSize < 4096) {
            throw new IllegalArgumentException("need at least 2 blocks of 4096 bytes");
        }
        this.blockSize = blockSize;
        this.flushAfterNanos = flushAfterNanos;
        this.free = new ArrayBlockingQueue<>(blocks);
        this.full = new ArrayBlockingQueue<>(blocks);
        for (int i = 0; i < blocks; i++) {
            free.add(new Block(blockSize));
        }
    }

    /**
     * Capture thread: copies one packet in. Returns false when it was dropped because every block is
     * waiting for analysis.
     */
    public synchronized boolean append(long timestampNanos, byte[] bytes, int offset, int length, int wireLength) {
        appended++;
        int len = Math.min(length, blockSize - HEADER);
        Block b = current;
        if (b != null && b.used + HEADER + len > blockSize) {
            publish(b);
            b = null;
        }
        if (b == null) {
            b = free.poll();
            if (b == null) {
                dropped++;
                return false;
            }
            b.used = 0;
            b.count = 0;
            b.firstAppendNanos = System.nanoTime();
            current = b;
        }
        byte[] d = b.data;
        int at = b.used;
        LONG.set(d, at, timestampNanos);
        INT.set(d, at + 8, len);
        INT.set(d, at + 12, Math.max(wireLength, len));
        System.arraycopy(bytes, offset, d, at + HEADER, len);
        b.used = at + HEADER + len;
        b.count++;
        if (blockSize - b.used < HEADER + 64) {
            publish(b);
        }
        return true;
    }

    /**
     * Capture thread: appends {@code count} records already in block layout (as the native helper
     * writes them), the first {@code bytes} of {@code src} from index 0, with one copy. {@code bytes}
     * must not exceed the block size. Returns false when they were dropped because every block is
     * waiting for analysis.
     */
    public synchronized boolean appendRecords(ByteBuffer src, int bytes, int count) {
        appended += count;
        Block b = current;
        if (b != null && b.used + bytes > blockSize) {
            publish(b);
            b = null;
        }
        if (b == null) {
            b = free.poll();
            if (b == null) {
                dropped += count;
                return false;
            }
            b.used = 0;
            b.count = 0;
            b.firstAppendNanos = System.nanoTime();
            current = b;
        }
        src.get(0, b.data, b.used, bytes);
        b.used += bytes;
        b.count += count;
        if (blockSize - b.used < HEADER + 64) {
            publish(b);
        }
        return true;
    }

    public int blockSize() {
        return blockSize;
    }

    private void publish(Block b) {
        current = null;
        batches++;
        full.add(b); // never fails: there are no more blocks than the queue holds
    }

    /** Hands on the partial block if its first packet is older than the flush delay (any thread). */
    public synchronized void flushIfOlder(long nowNanos) {
        Block b = current;
        if (b != null && b.count > 0 && nowNanos - b.firstAppendNanos >= flushAfterNanos) {
            publish(b);
        }
    }

    /** Hands on the partial block whatever its age: the capture has ended. */
    public synchronized void flush() {
        Block b = current;
        if (b != null && b.count > 0) {
            publish(b);
        }
    }

    /** Analysis thread: the next full block, or null after the timeout. */
    public Block take(long timeout, TimeUnit unit) throws InterruptedException {
        return full.poll(timeout, unit);
    }

    /** Analysis thread: the next full block without waiting, or null. */
    public Block poll() {
        return full.poll();
    }

    /** Analysis thread: gives a read block back to the pool. */
    public void release(Block b) {
        b.used = 0;
        b.count = 0;
        free.add(b);
    }

    /** Packets offered by the capture thread. */
    public synchronized long appended() {
        return appended;
    }

    /** Packets dropped because analysis was behind. */
    public long dropped() {
        return dropped;
    }

    public synchronized long batches() {
        return batches;
    }

    public long capacityBytes() {
        return (long) blockSize * (free.remainingCapacity() + free.size());
    }
}
