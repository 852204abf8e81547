package dev.ucaudit.engine;

import dev.ucaudit.testing.AtScale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.synth.Frames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial audits crafted to cost more than they hold, or to claim what they do not hold (issue 23 §1):
 * each is refused with one error naming it, before a large allocation; honest small parts cost what they hold.
 */
class CraftedPartialTest {
    @TempDir
    Path dir;

    private static final AuditConfig CONFIG = config();

    private static AuditConfig config() {
        var catalog = new CatalogLoader().load(List.of());
        return AuditConfig.of(catalog, Inventory.empty(catalog.roles()));
    }

    /** The raw form: header, recorded options, then what {@code body} writes, then the end tag. */
    private static byte[] crafted(Consumer<DataOutputStream> body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.write("UCAUDIT-PARTIAL\n".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(PartialAuditFormat.VERSION);
            var options = RecordedOptions.of(CONFIG).values();
            out.writeInt(options.size());
            for (var e : options.entrySet()) {
                str(out, e.getKey());
                str(out, e.getValue());
            }
            body.accept(out);
            out.writeByte(0);
        }
        return bytes.toByteArray();
    }

    private static void str(DataOutputStream out, String s) {
        try {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A part whose blocks and counts are written by the writer itself, with {@code stats} as its counts. */
    private static byte[] part(List<PacketBlock> blocks, RunStats stats) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PartialAuditFormat.Writer w = new PartialAuditFormat.Writer(bytes, RecordedOptions.of(CONFIG));
        w.startPart("", 0, "crafted.pcap");
        for (PacketBlock b : blocks) {
            w.block(b);
        }
        w.endPart(stats);
        w.finish();
        return bytes.toByteArray();
    }

    private static String refused(byte[] partial) {
        IOException e = assertThrows(IOException.class,
                () -> PartialAudit.read(new ByteArrayInputStream(partial), "crafted.bin.gz"));
        assertTrue(e.getMessage().startsWith("crafted.bin.gz: "), e.getMessage());
        return e.getMessage();
    }

    /** A partial of the format before runs (2) is refused in one line naming it: its media were records, not runs. */
    @Test
    void aPartialOfTheFormatBeforeRunsIsRefusedInOneLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.write("UCAUDIT-PARTIAL\n".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(2);
            out.writeInt(0);
        }
        assertEquals("crafted.bin.gz: partial audit format 2; this ucaudit reads format 3 only: merge it with the ucaudit that wrote it,"
                + " or audit its captures again", refused(bytes.toByteArray()));
    }

    /** Runs are counted against the part: a run claiming packets the part does not have is refused. */
    @Test
    void aRunBeyondItsPartsPacketsIsRefused() throws Exception {
        PartialAudit honest = collect(dir.resolve("r.pcap"), 3);
        RunStats stats = honest.parts().get(0).stats();
        Runs runs = new Runs(1);
        runs.start(stats.packets, stats.lastNanos, stats.lastNanos, 1L << 32 | 2, 40000 << 16 | 30000, true, 100, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PartialAuditFormat.Writer w = new PartialAuditFormat.Writer(out, RecordedOptions.of(CONFIG));
        w.startPart("", 0, "r.pcap");
        for (PacketBlock b : honest.parts().get(0).blocks()) {
            w.block(b);
        }
        w.endPart(runs, stats);
        w.finish();
        assertTrue(refused(out.toByteArray()).contains("but holds"), refused(out.toByteArray()));
    }

    @Test
    void emptyBlocksAndFrameBytesNoFrameHoldsAreRefused() throws IOException {
        // 10,000 empty blocks (274 bytes of gzip) made the merge allocate 393 KB each
        byte[] empty = crafted(out -> {
            try {
                out.writeByte(1);
                str(out, "");
                out.writeLong(0);
                str(out, "x");
                for (int i = 0; i < 10_000; i++) {
                    out.writeByte(2);
                    out.writeInt(0);
                    out.writeInt(0);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(empty.length < 1000, "a small file: " + empty.length);
        assertTrue(refused(empty).contains("a block of 0 packets"), refused(empty));

        // a block of one compact packet claiming 16 MiB of frame bytes (zeros: 16 KB of gzip)
        byte[] zeros = crafted(out -> {
            try {
                out.writeByte(1);
                str(out, "");
                out.writeLong(0);
                str(out, "x");
                out.writeByte(2);
                out.writeInt(1);
                out.writeLong(1);
                out.writeLong(0);
                out.writeInt(60);
                out.writeInt(17);
                out.writeInt(1 << 16 | 2);
                out.writeLong(0);
                out.writeInt(40);
                out.writeInt(12);
                out.writeInt(0);
                out.writeInt(16 << 20);
                out.write(new byte[16 << 20]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(refused(zeros).contains("frame bytes for frames of 0"), refused(zeros));
    }

    @Test
    void whatAllPartialsHoldIsBoundedByTheBudget() throws Exception {
        PartialAudit honest = collect(dir.resolve("a.pcap"), 2000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        honest.write(bytes);
        PartialBudget budget = new PartialBudget(200_000);
        PartialAudit.read(new ByteArrayInputStream(bytes.toByteArray()), "first", budget);
        assertTrue(budget.used() > 2000L * PacketBlock.BYTES_PER_PACKET, "counted: " + budget.used());
        IOException e = assertThrows(IOException.class,
                () -> PartialAudit.read(new ByteArrayInputStream(bytes.toByteArray()), "second", budget));
        assertTrue(e.getMessage().startsWith("second: the partial audits read so far hold more than this run may hold"), e.getMessage());
    }

    @Test
    void aOnePacketPartCostsWhatItHolds() throws Exception {
        PartialAudit one = collect(dir.resolve("one.pcap"), 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        one.write(bytes);
        PartialBudget budget = new PartialBudget(Long.MAX_VALUE);
        PartialAudit read = PartialAudit.read(new ByteArrayInputStream(bytes.toByteArray()), "one", budget);
        assertEquals(1, read.packets());
        assertTrue(budget.used() < 4096, "a one-packet part costs " + budget.used() + " bytes, not a whole block's 393 KB");
        PacketBlock kept = one.parts().get(0).blocks().get(0);
        assertEquals(1, kept.ordinal.length, "collect keeps a block sized to what it holds");
    }

    /** A week of one-minute periods of a quiet network (one packet each): 10,080 partials, merged at a small cost each. */

    @AtScale
    @Test
    void aWeekOfQuietOneMinutePeriodsCostsWhatItHolds() throws Exception {
        PartialStream stream = new PartialStream(CONFIG, AuditListener.SILENT, "2026-11-02T00:00:00.000Z lo", "lo");
        byte[] frame = Frames.ethernet(new byte[6], new byte[6], -1, Frames.ETH_IPV4,
                Frames.ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, 17, 1, 0, Frames.udp(40000, 2000, new byte[] {1})));
        RawPacket raw = new RawPacket();
        PartialBudget budget = new PartialBudget(Long.MAX_VALUE);
        List<PartialAudit> periods = new ArrayList<>();
        long start = 1_790_000_000_000_000_000L;
        for (int i = 0; i < 10_080; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.startPeriod(out);
            stream.packet(raw.set("lo", 1, start + i * 60_000_000_000L, 1, frame, 0, frame.length, frame.length));
            stream.endPeriod();
            periods.add(PartialAudit.read(new ByteArrayInputStream(out.toByteArray()), "period " + i, budget));
        }
        PartialAudit week = PartialAudit.mergeAll(periods);
        assertEquals(10_080, week.packets());
        assertTrue(budget.used() < 10_080L * 2048, "a week of quiet periods costs " + (budget.used() >> 10)
                + " KB, not 10,080 blocks of 393 KB (3.9 GB)");
        AuditOutcome outcome = AuditEngine.classify(CONFIG, AuditListener.SILENT, week);
        assertEquals(10_080, outcome.stats().packets());
    }

    @Test
    void impossibleCountsAreRefused() throws Exception {
        PartialAudit honest = collect(dir.resolve("c.pcap"), 3);
        List<PacketBlock> blocks = honest.parts().get(0).blocks();
        RunStats good = honest.parts().get(0).stats();
        PartialAudit.read(new ByteArrayInputStream(part(blocks, good)), "good"); // the writer's own counts pass

        assertTrue(refused(crafted(out -> { })).contains("holds no part"));
        RunStats negative = copy(good);
        negative.packets = -1;
        assertTrue(refused(part(blocks, negative)).contains("impossible count"), refused(part(blocks, negative)));
        RunStats huge = copy(good);
        huge.packets = 1L << 62;
        huge.input("crafted.pcap").packets = (1L << 62) - 3;
        assertTrue(refused(part(blocks, huge)).contains("impossible count"));
        RunStats reversed = copy(good);
        reversed.firstNanos = good.lastNanos + 1;
        reversed.lastNanos = good.firstNanos;
        assertTrue(refused(part(blocks, reversed)).contains("before it starts"));
        RunStats moreIp = copy(good);
        moreIp.ipPackets = good.ipPackets + 1;
        moreIp.packets = good.packets + 1;
        moreIp.input("crafted.pcap").packets = 1;
        assertTrue(refused(part(blocks, moreIp)).contains("IP packets (and 0 others) but holds"));
        RunStats fewerHeld = copy(good); // the blocks hold more packets than its IP and other packets together
        fewerHeld.ipPackets = good.ipPackets - 1;
        fewerHeld.nonIpPackets = 0;
        assertTrue(refused(part(blocks, fewerHeld)).contains("others) but holds"));
        RunStats inputs = copy(good);
        inputs.input("other.pcap").packets = 5;
        assertTrue(refused(part(blocks, inputs)).contains("its inputs"));
    }

    /** The counts of {@code s} under the input name "crafted.pcap". */
    private static RunStats copy(RunStats s) {
        RunStats c = new RunStats();
        c.input("crafted.pcap").packets = s.packets;
        c.packets = s.packets;
        c.bytes = s.bytes;
        c.ipPackets = s.ipPackets;
        c.nonIpPackets = s.nonIpPackets;
        c.firstNanos = s.firstNanos;
        c.lastNanos = s.lastNanos;
        return c;
    }

    /** A capture of {@code n} UDP packets (port 2000 to 40000), collected as one part. */
    static PartialAudit collect(Path file, int n) throws IOException {
        write(file, n, 0);
        return AuditEngine.collect(CONFIG, AuditListener.SILENT, 0, file.toString(), () -> CaptureFiles.open(file));
    }

    static void write(Path file, int n, long startNanos) throws IOException {
        byte[] a = {10, 0, 0, 1};
        byte[] b = {10, 0, 0, 2};
        byte[] mac = new byte[6];
        try (PcapWriter w = PcapWriter.create(file, 1, true)) {
            for (int i = 0; i < n; i++) {
                byte[] frame = Frames.ethernet(mac, mac, -1, Frames.ETH_IPV4,
                        Frames.ipv4(a, b, 17, i, 0, Frames.udp(40000, 2000, new byte[] {1, 2, 3, 4})));
                w.writePacket(startNanos + 1_000_000_000L + i * 1_000_000L, frame);
            }
        }
    }
}
