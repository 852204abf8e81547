package dev.ucaudit.engine;

import java.util.Arrays;
import java.util.zip.ZipException;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.audit.TunnelStats;
import dev.ucaudit.packet.CaptureProblem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The binary form of a {@link PartialAudit} (a report folder's {@code partial.bin.gz}, what Spark
 * tasks hand to the driver): gzip over big-endian fields. Version 3:
 * <pre>
 * "UCAUDIT-PARTIAL\n" u32 version=3, u32 n, n x {str key, str value} (the {@link RecordedOptions}),
 * then tagged items until the end tag:
 *   u8 1: a part starts: str run name, i64 sequence, str name
 *   u8 2: a block of the current part
 *   u8 4: the current part's runs (before its end; none when absent)
 *   u8 3: the current part ends: stats
 *   u8 0: end
 * (streamed: a part's blocks are written while it is read, its counts when it ends)
 * stats: u32 inputs {str name, i64 packets, i64 problems, str error, bool complete, u32 notes {str}}
 *        i64 packets, bytes, ip, non-ip, fragments, first, last
 *        u32 tunnels {str a, str b, str type, i64 packets, bytes, first, last}, i64 unlisted
 *        u32 {str category, i64 n}, u32 {i32 link type, i64 n},
 *        u32 problems {str source, i64 packet, str kind, str message, bool fatal}, i64 problems total
 * block: u32 n, n x (i64 ordinal, i64 nanos, i32 original length, i32 kind, i32 ports, i64 addresses,
 *        i32 length, i32 payload length, i32 tcp seq), u32 heap bytes, heap
 * runs:  u32 n, then columns of n values each, in the order of their last packets (var: a LEB128
 *        varint of the zigzag value): var ordinal - the run before's (the first: its ordinal),
 *        var last time - the run before's, var last - first time, var latest - last time,
 *        var clock - latest time, i64 addresses, i32 ports, var packets of A, var packets of B,
 *        var bytes of A, var bytes of B, var payloads
 * str:   u32 length, UTF-8 bytes
 * </pre>
 * Every count and length is checked before it is used, and what is read is sized to what it holds
 * and counted against a {@link PartialBudget}: a damaged or hostile file gives one error naming it,
 * never a huge allocation. Counts are checked against what was read: a part's IP packets are the
 * packets of its blocks, numbered in order within its packets, timed within its window; no partial
 * is without parts, no block without packets, no block's frame bytes beyond its frames.
 */
final class PartialAuditFormat {
    private static final byte[] MAGIC = "UCAUDIT-PARTIAL\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 3;
    private static final int END = 0;
    private static final int PART = 1;
    private static final int BLOCK = 2;
    private static final int END_PART = 3;
    private static final int RUNS = 4;
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_COUNT = 1 << 24;
    /** A block's frame bytes: its target and one more frame (the largest a capture reader passes on). */
    private static final int MAX_HEAP = PacketBlock.HEAP_TARGET + (16 << 20);

    private PartialAuditFormat() {
    }

    static void write(PartialAudit partial, OutputStream target) throws IOException {
        RecordedOptions options = partial.options()
                .orElseThrow(() -> new IllegalStateException("a partial audit with no part has no options to record"));
        Writer w = new Writer(target, options);
        for (PartialAudit.Part p : partial.parts()) {
            w.startPart(p.runName(), p.sequence(), p.name());
            for (PacketBlock b : p.blocks()) {
                w.block(b);
            }
            w.endPart(p.runs(), p.stats());
        }
        w.finish();
    }

    /** Writes a partial audit as it is read: parts one after the other, blocks as they come. */
    static final class Writer {
        private final FastGzip gz;
        private final DataOutputStream out;

        Writer(OutputStream target, RecordedOptions options) throws IOException {
            gz = new FastGzip(target);
            out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(options.values().size());
            for (Map.Entry<String, String> e : options.values().entrySet()) {
                str(out, e.getKey());
                str(out, e.getValue());
            }
        }

        void startPart(String runName, long sequence, String name) throws IOException {
            out.writeByte(PART);
            str(out, runName);
            out.writeLong(sequence);
            str(out, name);
        }

        void block(PacketBlock b) throws IOException {
            out.writeByte(BLOCK);
            PartialAuditFormat.block(out, b);
        }

        /** Ends the current part: its runs (sorted by their last packets, see {@link FlowRuns#finish}), then its counts. */
        void endPart(Runs runs, RunStats stats) throws IOException {
            if (runs.count > 0) {
                out.writeByte(RUNS);
                RunColumns.write(out, runs);
            }
            out.writeByte(END_PART);
            PartialStatsFormat.write(out, stats);
        }

        /** Ends a part without runs. */
        void endPart(RunStats stats) throws IOException {
            endPart(Runs.none(), stats);
        }

        /** Writes the end tag and finishes the gzip stream (the target stays open). */
        void finish() throws IOException {
            out.writeByte(END);
            out.flush();
            gz.finish();
            gz.release();
        }
    }

    /** Gunzip whose zlib memory is let go when the partial is read, without closing the source. */
    private static final class Gunzip extends GZIPInputStream {
        Gunzip(InputStream source) throws IOException {
            super(source, 1 << 16);
        }

        void release() {
            inf.end();
        }
    }

    /**
     * Gzip at the fastest level whose zlib memory is let go when the stream is finished: the target
     * stays open for its owner, and a live run finishes one partial per period for days.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream target) throws IOException {
            super(target, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }

        void release() {
            def.end();
        }
    }


    private static void block(DataOutputStream out, PacketBlock b) throws IOException {
        out.writeInt(b.count);
        for (int i = 0; i < b.count; i++) {
            out.writeLong(b.ordinal[i]);
            out.writeLong(b.nanos[i]);
            out.writeInt(b.originalLength[i]);
            out.writeInt(b.kind[i]);
            out.writeInt(b.ports[i]);
            out.writeLong(b.addresses[i]);
            out.writeInt(b.length[i]);
            out.writeInt(b.payloadLength[i]);
            out.writeInt(b.tcpSeq[i]);
        }
        out.writeInt(b.heapUsed);
        out.write(b.heap, 0, b.heapUsed);
    }

    static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static PartialAudit read(InputStream source, String name, PartialBudget budget) throws IOException {
        DataInputStream in;
        Gunzip gunzip;
        try {
            gunzip = new Gunzip(source);
            in = new DataInputStream(new BufferedInputStream(gunzip, 1 << 16));
        } catch (IOException e) {
            throw new IOException(name + ": not a ucaudit partial audit (not gzip: " + e.getMessage() + ")");
        }
        try {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(name + ": not a ucaudit partial audit (its first bytes are not UCAUDIT-PARTIAL)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(name + ": partial audit format " + version + "; this ucaudit reads format " + VERSION
                        + " only: merge it with the ucaudit that wrote it, or audit its captures again");
            }
            RecordedOptions options = options(in, name);
            List<PartialAudit.Part> parts = new ArrayList<>();
            while (true) {
                int tag = in.readUnsignedByte();
                if (tag == END) {
                    break;
                }
                if (tag != PART) {
                    throw new IOException(name + ": damaged partial audit: item " + tag + " where a part should start");
                }
                budget.take(PartialBudget.PART_COST, name);
                parts.add(part(in, name, budget));
            }
            if (in.read() != -1) {
                throw new IOException(name + ": bytes after the end of the partial audit");
            }
            if (parts.isEmpty()) {
                throw new IOException(name + ": damaged partial audit: it holds no part (every partial audit holds one per input)");
            }
            return new PartialAudit(parts, options);
        } catch (EOFException e) {
            throw new IOException(name + ": the partial audit is cut short");
        } catch (ZipException e) {
            throw new IOException(name + ": the partial audit's compressed data is damaged (" + e.getMessage() + ")");
        } finally {
            gunzip.release(); // zlib's memory goes now; the source stays open for its owner
        }
    }

    private static RecordedOptions options(DataInputStream in, String name) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > RecordedOptions.maxItems()) {
            throw new IOException(name + ": damaged partial audit: " + n + " recorded options");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = str(in, name);
            if (m.put(key, str(in, name)) != null) {
                throw new IOException(name + ": damaged partial audit: the option " + key + " is recorded twice");
            }
        }
        if (!Integer.toString(VERSION).equals(m.get(RecordedOptions.FORMAT))) {
            throw new IOException(name + ": damaged partial audit: its recorded options name format " + m.get(RecordedOptions.FORMAT));
        }
        return new RecordedOptions(m);
    }

    /** One part, its counts checked against its blocks (see the class comment). */
    private static PartialAudit.Part part(DataInputStream in, String name, PartialBudget budget) throws IOException {
        String runName = str(in, name);
        long sequence = in.readLong();
        String input = str(in, name);
        List<PacketBlock> list = new ArrayList<>();
        RunStats stats = null;
        Runs runs = null;
        while (stats == null) {
            int t = in.readUnsignedByte();
            if (t == BLOCK && runs == null) {
                list.add(block(in, name, budget));
            } else if (t == RUNS && runs == null) {
                runs = RunColumns.read(in, name, budget);
            } else if (t == END_PART) {
                stats = PartialStatsFormat.read(in, name, budget);
            } else {
                throw new IOException(name + ": damaged partial audit: item " + t + " inside the part " + input);
            }
        }
        runs = runs == null ? Runs.none() : runs;
        PartialChecks.counts(name, input, stats, list, runs);
        budget.count(stats.packets, stats.bytes, name);
        return new PartialAudit.Part(runName, sequence, input, stats, list, runs);
    }


    private static PacketBlock block(DataInputStream in, String name, PartialBudget budget) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > PacketBlock.CAPACITY) {
            throw new IOException(name + ": damaged partial audit: a block of " + n + " packets (1 to " + PacketBlock.CAPACITY + ")");
        }
        budget.take((long) n * PacketBlock.BYTES_PER_PACKET + 200, name);
        PacketBlock b = new PacketBlock(n);
        for (int i = 0; i < n; i++) {
            b.ordinal[i] = in.readLong();
            b.nanos[i] = in.readLong();
            b.originalLength[i] = in.readInt();
            b.kind[i] = in.readInt();
            b.ports[i] = in.readInt();
            b.addresses[i] = in.readLong();
            b.length[i] = in.readInt();
            b.payloadLength[i] = in.readInt();
            b.tcpSeq[i] = in.readInt();
        }
        b.count = n;
        int heap = in.readInt();
        long frames = 0;
        for (int i = 0; i < n; i++) {
            frames += b.isFrame(i) ? Math.max(0, b.length[i]) : 0;
        }
        if (heap < 0 || heap > MAX_HEAP || heap != frames) {
            throw new IOException(name + ": damaged partial audit: a block of " + heap + " frame bytes for frames of " + frames);
        }
        budget.take(heap, name);
        b.heap = new byte[heap];
        in.readFully(b.heap);
        b.heapUsed = heap;
        for (int i = 0; i < n; i++) {
            if (b.isClock(i)) {
                continue;
            }
            if (b.ordinal[i] < 1 || (b.isFrame(i) && (b.ports[i] < 0 || b.length[i] < 0 || b.ports[i] > heap - b.length[i]))
                    || (!b.isFrame(i) && (b.length[i] < 0 || b.payloadLength[i] < 0))) {
                throw new IOException(name + ": damaged partial audit: packet " + b.ordinal[i] + " points outside its block");
            }
            if (!b.isFrame(i) && !PacketBlock.compactKindValid(b.kind[i])) {
                // tunnelled packets are always kept as whole frames: a decoded record never names tunnels
                throw new IOException(name + ": damaged partial audit: packet " + b.ordinal[i] + " is a decoded record of a tunnelled packet");
            }
        }
        return b;
    }

    private static int count(DataInputStream in, String name, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException(name + ": damaged partial audit: " + n + " " + what);
        }
        return n;
    }

    /** A count of items that each take memory once read: counted against the budget before they are read. */
    static int count(DataInputStream in, String name, String what, PartialBudget budget) throws IOException {
        int n = count(in, name, what);
        budget.take(n * 64L, name);
        return n;
    }

    /** A text kept once read: its bytes counted against the budget before they are allocated. */
    static String str(DataInputStream in, String name, PartialBudget budget) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) {
            throw new IOException(name + ": damaged partial audit: a text of " + n + " bytes");
        }
        budget.take(n * 2L + 48, name);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String str(DataInputStream in, String name) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) {
            throw new IOException(name + ": damaged partial audit: a text of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
